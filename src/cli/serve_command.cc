// `dragoman serve`: the dashboard and its read-only JSON API over an event store.
#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <thread>

#include "cli/command.h"
#include "serve/server.h"

namespace dragoman::cli {
namespace {

int RunServe(int argc, char** argv) {
  CLI::App app("Serve the dashboard and a read-only JSON API over an event store.", "serve");
  serve::ServerOptions options;
  app.add_option("--db", options.db_path,
                 "the event store (written by `dragoman ingest`; default: $DRAGOMAN_DB)")
      ->envname("DRAGOMAN_DB")
      ->required();
  app.add_option("--host,--bind", options.host, "address to listen on")->capture_default_str();
  app.add_option("--allow-host", options.allowed_hosts,
                 "a host name the dashboard is reached by besides the bound address (repeatable); requests "
                 "naming any other host are refused");
  app.add_option("--port", options.port, "port to listen on; 0 picks a free one")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  app.add_option("--threads", options.threads, "request threads (default: one per core)")
      ->check(CLI::Range(1, 64));
  int exit_code = kExitOk;
  if (!ParseArguments(app, argc, argv, &exit_code)) return exit_code;

  // SIGINT/SIGTERM are taken by one thread with sigwait, which may stop the server safely
  // (a signal handler may not). Block them before any other thread starts.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto server = serve::Server::Create(options);
  if (!server.ok()) {
    std::cerr << "dragoman serve: " << server.status().message() << "\n";
    return kExitFailure;
  }
  std::string host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  std::cerr << "dragoman serve: " << options.db_path << " on http://" << host << ":" << (*server)->port()
            << "/ (Ctrl-C stops)" << std::endl;

  serve::Server* s = server->get();
  std::thread waiter([s, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    s->Stop();
  });
  bool ran = s->Run();
  // Run() also returns on a listen failure: wake the waiter so it can be joined.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (!ran) {
    std::cerr << "dragoman serve: the server stopped with an error\n";
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

DRAGOMAN_COMMAND("serve", "serve the dashboard and JSON API over an event store", RunServe);

}  // namespace dragoman::cli
