// sys.stdout as heapsim models it: CPython's unbuffered text stream (as
// `python -u` and PYTHONUNBUFFERED=1, the setting of most containers and
// CI runners, make it): a TextIOWrapper in write-through mode straight
// over the file, with no BufferedWriter.
//
// Each write(text) hands the file one bytes object and keeps nothing: an
// ASCII str is copied into a new bytes object (none for zero or one
// character: the shared empty and one-byte objects), other text is encoded
// to UTF-8 in one; the file's write() returns the count written and
// write() the count of characters, each a new int past the small ints.
// All of it is freed before write() returns, so only tracemalloc's peak,
// an automatic collection's timing and pymalloc's free blocks see it.
//
// (With a buffered stdout, CPython's default on a pipe or a file without
// PYTHONUNBUFFERED, TextIOWrapper keeps up to 8 KiB of printed text and
// the strs print() makes alive, and a list of them: refcounts, gc counts
// and tracemalloc figures after a print() differ between the two modes.)

#ifndef HEAPSIM_SERVER_HEAP_STDOUT_STREAM_H_
#define HEAPSIM_SERVER_HEAP_STDOUT_STREAM_H_

#include "server/heap/object.h"

namespace heapsim {

class Heap;

// sys.stdout.write(text) for `text`, a str object (borrowed): allocates and
// frees what CPython's does, in its order.
void StdoutWrite(Heap& heap, ObjectId text);

}  // namespace heapsim

#endif  // HEAPSIM_SERVER_HEAP_STDOUT_STREAM_H_
