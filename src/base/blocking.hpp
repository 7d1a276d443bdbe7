#pragma once
// Where a thread may not wait. The HTTP server first tries a read (GET, HEAD) on its I/O thread,
// where everything it needs is usually in memory (the session, the change counter, a rendered
// list); anything that would wait — a database connection, a LibreOffice conversion — calls
// MayBlock() first, which on such a thread throws WouldBlock, and the server hands the request to
// its worker pool instead, which runs it again from the start. So a read that needs the database
// costs one thread hand-over, and one answered from memory costs none.
//
// WouldBlock is deliberately not a std::exception: handlers' `catch (const std::exception&)` must
// not turn it into an error answer. Code between the start of a read and its first MayBlock() must
// therefore be safe to run twice (reads and caches only; a read's writes — the audit of a full
// citizen-ID read, a session's last-seen — come after a lease).
namespace kientao {

struct WouldBlock {};

// While alive, MayBlock() on this thread throws WouldBlock. Not nestable across threads.
class NonBlockingScope {
 public:
  NonBlockingScope();
  ~NonBlockingScope();
  NonBlockingScope(const NonBlockingScope&) = delete;
  NonBlockingScope& operator=(const NonBlockingScope&) = delete;

 private:
  bool previous_;
};

// Called before anything that may wait for another thread, process or the database.
void MayBlock();

}  // namespace kientao
