#include "pipeline/worker_pool.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <deque>
#include <fstream>
#include <optional>
#include <vector>

#include "pipeline/frames.h"
#include "pipeline/process_task.h"
#include "pipeline/progress.h"

namespace intake {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kTaskFd = 3;    // where a worker reads tasks
constexpr int kResultFd = 4;  // where a worker writes results

// The worker's side: tasks in, results out, until the run closes the pipe.
[[noreturn]] void WorkerMain(const Stages& stages, long long max_file_bytes,
                             std::atomic<uint64_t>* progress) {
  SetProgressCounter(progress);
  std::unique_ptr<Identifier> identifier;
  if (!Identifier::Open(&identifier).ok()) _exit(3);
  std::string bytes;
  while (ReadFrame(kTaskFd, &bytes)) {
    DocumentTask task;
    if (!DecodeTask(bytes, &task)) _exit(4);
    bytes.clear();
    DocumentResult result =
        ProcessTask(task, stages, *identifier, max_file_bytes);
    if (!WriteFrame(kResultFd, EncodeResult(result))) _exit(5);
  }
  // _exit, not exit: the run's objects (the state store, open files) were
  // copied by fork and are not this process's to close.
  _exit(0);
}

// Puts `fd` at `target`, whatever numbers the two had.
void MoveFd(int fd, int target) {
  if (fd == target) {
    fcntl(fd, F_SETFD, 0);
  } else {
    dup2(fd, target);
  }
}

// Memory the worker has of its own: pages it wrote or mapped since the
// fork. Not its resident set, which also counts the pages it still shares
// with the run (a run holding many results would make every worker look
// large).
long long PrivateBytes(pid_t pid) {
  std::ifstream rollup("/proc/" + std::to_string(pid) + "/smaps_rollup");
  long long total_kb = 0;
  for (std::string key; rollup >> key;) {
    long long kb = 0;
    if (key == "Private_Clean:" || key == "Private_Dirty:") {
      if (rollup >> kb) total_kb += kb;
    }
    rollup.ignore(1 << 10, '\n');
  }
  return total_kb * 1024;
}

// The address space the process has mapped now, in bytes.
long long MappedBytes() {
  std::ifstream statm("/proc/self/statm");
  long long pages = 0;
  statm >> pages;
  return pages * sysconf(_SC_PAGESIZE);
}

// In the child, before anything else: own process group, die with the
// run, a hard ceiling on address space (the watchdog's resident-memory
// limit is the real one; this catches a burst faster than it can look),
// and only its own two pipes open.
void SetUpChild(int task_fd, int result_fd, pid_t run_pid,
                long long max_memory_bytes) {
  setpgid(0, 0);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != run_pid) _exit(6);  // the run died before prctl
  signal(SIGPIPE, SIG_DFL);
  // On top of what the fork copied: thread stacks and allocator arenas
  // reserve much more address space than they use, hence the margin.
  rlimit limit;
  limit.rlim_cur = limit.rlim_max =
      static_cast<rlim_t>(MappedBytes() + max_memory_bytes * 2 + (1LL << 30));
  setrlimit(RLIMIT_AS, &limit);
  int high_task = fcntl(task_fd, F_DUPFD, 100);
  int high_result = fcntl(result_fd, F_DUPFD, 100);
  MoveFd(high_task, kTaskFd);
  MoveFd(high_result, kResultFd);
  close_range(kResultFd + 1, ~0U, 0);
}

// Reading smaps_rollup walks the worker's page tables. Done on every
// result chunk it cost the run's own process a third of a run's CPU
// (perf, 100 letters); a burst between two looks is the address-space
// ceiling's to catch.
constexpr auto kMemoryCheckEvery = std::chrono::milliseconds(100);

std::string Seconds(int seconds) { return std::to_string(seconds) + " s"; }

struct Worker {
  pid_t pid = -1;
  int task_fd = -1;                           // the run writes tasks here
  int result_fd = -1;                         // and reads results here
  std::atomic<uint64_t>* progress = nullptr;  // shared with the worker
  FrameReader frames;
  int done = 0;                      // tasks finished by this process
  std::optional<DocumentTask> task;  // the one it is working on
  Clock::time_point started;
  Clock::time_point last_progress;
  uint64_t last_count = 0;
  Clock::time_point memory_checked;
  // Set when the watchdog kills it: the status and reason for the task.
  std::string kill_status;
  std::string kill_reason;
};

class WorkerPool : public Executor {
 public:
  WorkerPool(const WorkerLimits& limits, const Stages& stages,
             long long max_file_bytes)
      : limits_(limits),
        stages_(stages),
        max_file_bytes_(max_file_bytes),
        workers_(static_cast<size_t>(limits.workers < 1 ? 1 : limits.workers)) {
    // A worker gone while the run writes to it must be an error return,
    // not a signal that ends the run.
    signal(SIGPIPE, SIG_IGN);
  }

  ~WorkerPool() override {
    for (Worker& w : workers_) Stop(&w, /*kill=*/true);
  }

  int FreeSlots() const override {
    int free = 0;
    for (const Worker& w : workers_) free += w.task ? 0 : 1;
    return free;
  }

  Status Submit(DocumentTask task) override {
    for (Worker& w : workers_) {
      if (w.task) continue;
      // A worker that died idle (or never started) is replaced; two tries
      // so that one death between tasks does not fail the run.
      for (int attempt = 0; attempt < 2; ++attempt) {
        if (w.pid < 0) {
          Status s = Start(&w);
          if (!s.ok()) return s;
        }
        if (WriteFrame(w.task_fd, EncodeTask(task))) {
          w.started = w.last_progress = w.memory_checked = Clock::now();
          w.last_count = w.progress->load(std::memory_order_relaxed);
          w.task = std::move(task);
          return Status::Ok();
        }
        Stop(&w, /*kill=*/true);
      }
      return Status::IoError("worker process stopped before taking a task");
    }
    return Status::InvalidArgument("no free worker");
  }

  Status Next(DocumentResult* result) override {
    for (;;) {
      if (!finished_.empty()) {
        *result = std::move(finished_.front());
        finished_.pop_front();
        return Status::Ok();
      }
      Status s = WaitOnce();
      if (!s.ok()) return s;
    }
  }

 private:
  Status Start(Worker* w) {
    int tasks[2], results[2];
    if (pipe2(tasks, O_CLOEXEC) != 0) {
      return Status::IoError(std::string("cannot make a pipe: ") +
                             std::strerror(errno));
    }
    if (pipe2(results, O_CLOEXEC) != 0) {
      close(tasks[0]);
      close(tasks[1]);
      return Status::IoError(std::string("cannot make a pipe: ") +
                             std::strerror(errno));
    }
    void* shared =
        mmap(nullptr, sizeof(std::atomic<uint64_t>), PROT_READ | PROT_WRITE,
             MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared == MAP_FAILED) {
      for (int fd : {tasks[0], tasks[1], results[0], results[1]}) close(fd);
      return Status::IoError("cannot share memory with a worker");
    }
    auto* progress = new (shared) std::atomic<uint64_t>(0);
    pid_t run_pid = getpid();
    // Buffered output would otherwise be written twice, once by a worker
    // that leaves through exit().
    std::fflush(nullptr);
    pid_t pid = fork();
    if (pid < 0) {
      for (int fd : {tasks[0], tasks[1], results[0], results[1]}) close(fd);
      munmap(shared, sizeof(std::atomic<uint64_t>));
      return Status::IoError(std::string("cannot start a worker process: ") +
                             std::strerror(errno));
    }
    if (pid == 0) {
      SetUpChild(tasks[0], results[1], run_pid, limits_.max_memory_bytes);
      WorkerMain(stages_, max_file_bytes_, progress);
    }
    setpgid(pid, pid);  // also here, so a kill never races the child's own
    close(tasks[0]);
    close(results[1]);
    w->pid = pid;
    w->task_fd = tasks[1];
    w->result_fd = results[0];
    w->progress = progress;
    w->frames = FrameReader();
    w->done = 0;
    return Status::Ok();
  }

  // Ends the worker's process: closing its task pipe asks it to leave;
  // `kill` stops it (and anything it started) at once.
  void Stop(Worker* w, bool kill) {
    if (w->pid < 0) return;
    if (kill) ::kill(-w->pid, SIGKILL);
    close(w->task_fd);
    close(w->result_fd);
    int status = 0;
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (kill) ::kill(-w->pid, SIGKILL);  // what it started, if still there
    munmap(w->progress, sizeof(std::atomic<uint64_t>));
    w->pid = -1;
    w->task_fd = w->result_fd = -1;
    w->progress = nullptr;
  }

  // Waits up to a fraction of a second for results, then looks at the
  // clocks and memory of every busy worker.
  Status WaitOnce() {
    std::vector<pollfd> fds;
    std::vector<Worker*> owners;
    for (Worker& w : workers_) {
      if (!w.task) continue;
      fds.push_back({w.result_fd, POLLIN, 0});
      owners.push_back(&w);
    }
    if (fds.empty()) return Status::InvalidArgument("no task is running");
    int ready = poll(fds.data(), fds.size(), 200);
    if (ready < 0 && errno != EINTR) {
      return Status::IoError(std::string("poll: ") + std::strerror(errno));
    }
    for (size_t i = 0; i < fds.size() && ready > 0; ++i) {
      if (fds[i].revents != 0) Read(owners[i]);
    }
    Watch();
    return Status::Ok();
  }

  void Read(Worker* w) {
    char buffer[1 << 16];
    ssize_t n = read(w->result_fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) return;
    if (n <= 0) {
      Died(w);
      return;
    }
    w->frames.Append(buffer, static_cast<size_t>(n));
    std::string frame;
    if (!w->frames.Next(&frame)) return;
    DocumentResult result;
    if (!DecodeResult(frame, &result) || result.task_id != w->task->id) {
      Stop(w, /*kill=*/true);
      Fail(w, kStatusCrash, "worker sent a broken result");
      return;
    }
    finished_.push_back(std::move(result));
    w->task.reset();
    if (++w->done >= limits_.recycle_after) Stop(w, /*kill=*/false);
  }

  // The result pipe closed while the worker had a task: it died, or the
  // watchdog killed it.
  void Died(Worker* w) {
    int status = 0;
    pid_t pid = w->pid;
    ::kill(-pid, SIGKILL);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    close(w->task_fd);
    close(w->result_fd);
    munmap(w->progress, sizeof(std::atomic<uint64_t>));
    w->pid = -1;
    w->task_fd = w->result_fd = -1;
    w->progress = nullptr;
    if (!w->kill_status.empty()) {
      Fail(w, w->kill_status, w->kill_reason);
    } else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
      // Not killed by us: on Linux that is the kernel's out-of-memory
      // killer.
      Fail(w, kStatusOom, "worker killed by the system (out of memory?)");
    } else if (WIFSIGNALED(status)) {
      Fail(w, kStatusCrash,
           std::string("worker crashed reading this document (") +
               strsignal(WTERMSIG(status)) + ")");
    } else {
      Fail(w, kStatusCrash,
           "worker exited with status " +
               std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) +
               " reading this document");
    }
  }

  void Fail(Worker* w, const std::string& status, const std::string& reason) {
    DocumentResult result =
        FailedResult(*w->task, 0, status, reason, *stages_.classifier);
    result.killed_worker = true;
    finished_.push_back(std::move(result));
    w->task.reset();
    w->kill_status.clear();
    w->kill_reason.clear();
  }

  void Watch() {
    Clock::time_point now = Clock::now();
    for (Worker& w : workers_) {
      if (!w.task || !w.kill_status.empty()) continue;
      uint64_t count = w.progress->load(std::memory_order_relaxed);
      if (count != w.last_count) {
        w.last_count = count;
        w.last_progress = now;
      }
      if (now - w.last_progress > std::chrono::seconds(limits_.stall_seconds)) {
        Kill(&w, kStatusTimeout,
             "no progress for " + Seconds(limits_.stall_seconds) +
                 ": the reader is stuck on this document");
      } else if (now - w.started >
                 std::chrono::seconds(limits_.total_seconds)) {
        Kill(&w, kStatusTimeout,
             "took longer than " + Seconds(limits_.total_seconds) +
                 " on this document");
      } else if (now - w.memory_checked >= kMemoryCheckEvery) {
        w.memory_checked = now;
        if (PrivateBytes(w.pid) > limits_.max_memory_bytes) {
          Kill(&w, kStatusOom,
               "used more than " +
                   std::to_string(limits_.max_memory_bytes >> 20) +
                   " MiB of memory on this document");
        }
      }
    }
  }

  // The result pipe then closes and Died() reports the task.
  void Kill(Worker* w, const char* status, const std::string& reason) {
    w->kill_status = status;
    w->kill_reason = reason;
    ::kill(-w->pid, SIGKILL);
  }

  WorkerLimits limits_;
  const Stages& stages_;
  long long max_file_bytes_;
  std::vector<Worker> workers_;
  std::deque<DocumentResult> finished_;
};

}  // namespace

std::unique_ptr<Executor> NewWorkerPool(const WorkerLimits& limits,
                                        const Stages& stages,
                                        long long max_file_bytes) {
  return std::make_unique<WorkerPool>(limits, stages, max_file_bytes);
}

}  // namespace intake
