#include "server/http/static_files.h"

namespace heapsim::http {

const StaticFile* FindStaticFile(std::string_view path) {
  for (size_t i = 0; i < kStaticFileCount; ++i) {
    if (kStaticFiles[i].path == path) return &kStaticFiles[i];
  }
  return nullptr;
}

std::string_view ContentTypeOf(std::string_view path) {
  if (path.ends_with(".html")) return "text/html; charset=utf-8";
  if (path.ends_with(".css")) return "text/css; charset=utf-8";
  if (path.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (path.ends_with(".svg")) return "image/svg+xml";
  if (path.ends_with(".json")) return "application/json";
  return "application/octet-stream";
}

}  // namespace heapsim::http
