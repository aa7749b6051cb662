#include "server/heap/str_object.h"

namespace heapsim {

uint64_t StrRequest(const Profile& profile, uint32_t length, StrKind kind) {
  const uint64_t header =
      kind == StrKind::kAscii ? profile.str_ascii_header : profile.str_compact_header;
  return header + static_cast<uint64_t>(length + 1) * CharWidth(kind);
}

Ref NewStr(Heap& heap, std::string_view utf8) {
  if (utf8.empty()) return heap.NewRef(heap.empty_str());
  const Utf8Info info = AnalyzeUtf8(utf8);
  if (info.length == 1 && (info.kind == StrKind::kAscii || info.kind == StrKind::kLatin1)) {
    const char32_t cp = DecodeUtf8(utf8)[0];
    return heap.NewRef(heap.LatinOneChar(static_cast<uint32_t>(cp)));
  }
  return NewStrObject(heap, utf8);
}

Ref NewStrObject(Heap& heap, std::string_view utf8) {
  if (utf8.empty()) return heap.NewRef(heap.empty_str());
  const Utf8Info info = AnalyzeUtf8(utf8);
  const ObjectId id =
      heap.NewObject(TypeTag::kStr, StrRequest(heap.profile(), info.length, info.kind));
  StrBody body;
  body.utf8 = std::string(utf8);
  body.length = info.length;
  body.kind = info.kind;
  heap.AttachBody(id, std::move(body));
  return heap.Adopt(id);
}

bool StrAppendInPlace(Heap& heap, ObjectId left, ObjectId right) {
  const StrBody& l = heap.str(left);
  const StrBody& r = heap.str(right);
  if (l.length == 0 || r.length == 0 || l.hashed || l.utf8_cached) return false;
  if ((heap.object(left).flags & kStatic) != 0 || heap.FindInterned(l.utf8) == left) return false;
  // The result must fit the left operand's kind (an ASCII one stays ASCII).
  if (CharWidth(r.kind) > CharWidth(l.kind)) return false;
  if (l.kind == StrKind::kAscii && r.kind != StrKind::kAscii) return false;
  const uint32_t length = l.length + r.length;
  heap.ReallocateObject(left, StrRequest(heap.profile(), length, l.kind));
  StrBody& grown = heap.str(left);
  grown.utf8 += heap.str(right).utf8;
  grown.length = length;
  return true;
}

Ref InternStr(Heap& heap, std::string_view utf8) {
  if (const ObjectId interned = heap.FindInterned(utf8); interned != kNoObject) {
    return heap.NewRef(interned);
  }
  Ref str = NewStr(heap, utf8);
  heap.Intern(str.get());
  return str;
}

Ref IdentifierStr(Heap& heap, std::string_view name) {
  ObjectId interned = heap.FindInterned(name);
  if (interned == kNoObject) {
    interned = NewStaticAsciiStr(
        heap, name, StrRequest(heap.profile(), static_cast<uint32_t>(name.size()), StrKind::kAscii));
    heap.Intern(interned);
  }
  return heap.NewRef(interned);
}

ObjectId NewStaticAsciiStr(Heap& heap, std::string_view text, uint64_t block_size) {
  const ObjectId id = heap.NewStaticObject(TypeTag::kStr, block_size);
  StrBody body;
  body.utf8 = std::string(text);
  body.length = static_cast<uint32_t>(text.size());
  heap.AttachBody(id, std::move(body));
  return id;
}

bool IsInternableConstant(std::string_view utf8) {
  for (char c : utf8) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_';
    if (!ok) return false;
  }
  return true;
}

uint64_t StrSizeOf(const Heap& heap, ObjectId id) {
  const StrBody& body = heap.str(id);
  uint64_t size = StrRequest(heap.profile(), body.length, body.kind);
  if (body.utf8_cached) size += body.utf8.size() + 1;
  return size;
}

}  // namespace heapsim
