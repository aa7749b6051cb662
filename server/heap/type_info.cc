#include "server/heap/type_info.h"

#include <array>

namespace heapsim {

namespace {

constexpr std::array<TypeInfo, static_cast<size_t>(TypeTag::kCount)> kTypes = {{
    {"NoneType", false},                  // kNone
    {"bool", false},                      // kBool
    {"int", false},                       // kInt
    {"float", false},                     // kFloat
    {"complex", false},                   // kComplex
    {"str", false},                       // kStr
    {"bytes", false},                     // kBytes
    {"bytearray", false},                 // kByteArray
    {"list", true},                       // kList
    {"tuple", true},                      // kTuple
    {"dict", true},                       // kDict
    {"set", true},                        // kSet
    {"frozenset", true},                  // kFrozenSet
    {"range", false},                     // kRange
    {"slice", true},                      // kSlice
    {"object", false},                    // kObject
    {"", true},                           // kInstance: the class's name
    {"type", true},                       // kClass
    {"type", false},                      // kBuiltinType
    {"function", true},                   // kFunction
    {"code", false},                      // kCode
    {"cell", true},                       // kCell
    {"frame", true},                      // kFrame
    {"module", true},                     // kModule
    {"builtin_function_or_method", true}, // kBuiltinFunction
    {"method", true},                     // kMethod
    {"", true},                           // kIterator: per kind
    {"range_iterator", false},            // kRangeIterator
    {"generator", true},                  // kGenerator
    {"", true},                           // kDictView: per kind
    {"", true},                           // kException: per class
    {"getset_descriptor", true},          // kDescriptor
    {"NotImplementedType", false},        // kNotImplemented
    {"member_descriptor", true},          // kMemberDescriptor
    {"", true},                           // kWeakRef: per profile
    {"super", true},                      // kSuper
    {"staticmethod", true},               // kStaticMethod
    {"classmethod", true},                // kClassMethod
    {"property", true},                   // kProperty
    {"method-wrapper", true},             // kMethodWrapper
    {"array.array", false},               // kArray: GC per profile (Heap::IsGcType)
    {"", false},                          // kTraceObject: per kind
    {"deque", true},                      // kDeque
    {"partial", true},                    // kPartial
    {"_lru_cache_wrapper", true},         // kLruCache
    {"function", true},                   // kLruCacheDecorator
    {"_lru_list_elem", false},            // kLruLink
    {"ellipsis", false},                  // kEllipsis
    {"type", true},                       // kNamedTupleType
    {"memoryview", true},                 // kMemoryView
    {"managedbuffer", true},              // kManagedBuffer
    {"", true},                           // kWeakContainer: per subtype
    {"mappingproxy", true},               // kMappingProxy
}};

}  // namespace

const TypeInfo& InfoOf(TypeTag type) { return kTypes[static_cast<size_t>(type)]; }

}  // namespace heapsim
