// The files under server/http/static/, compiled into heapd at build time
// (embed_static.cmake writes their bytes into a generated source), so the
// server needs no files beside its binary.

#ifndef HEAPSIM_SERVER_HTTP_STATIC_FILES_H_
#define HEAPSIM_SERVER_HTTP_STATIC_FILES_H_

#include <cstddef>
#include <string_view>

namespace heapsim::http {

struct StaticFile {
  std::string_view path;  // below static/, with a leading slash: "/index.html"
  std::string_view content;
};

// Defined in the generated source.
extern const StaticFile kStaticFiles[];
extern const size_t kStaticFileCount;

// The file at `path` ("/index.html"), or null.
const StaticFile* FindStaticFile(std::string_view path);

// The Content-Type for a file, by its extension (text/html, text/css,
// text/javascript, image/svg+xml, application/json; else
// application/octet-stream).
std::string_view ContentTypeOf(std::string_view path);

}  // namespace heapsim::http

#endif  // HEAPSIM_SERVER_HTTP_STATIC_FILES_H_
