#include "tests/stress/stress_client.h"

namespace heapsim::stress {

StressClient::StressClient(const std::string& server, int index, bool small_window) {
  grpc::ChannelArguments args;
  args.SetInt("heapsim.stress.client", index);  // a distinct connection each
  if (small_window) args.SetInt(GRPC_ARG_HTTP2_BDP_PROBE, 0);
  channel_ = grpc::CreateCustomChannel(server, grpc::InsecureChannelCredentials(), args);
  stub_ = v1::HeapService::NewStub(channel_);
}

std::unique_ptr<grpc::ClientContext> StressClient::Context(const SessionRef& session,
                                                           std::chrono::milliseconds deadline) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + deadline);
  if (!session.name.empty()) {
    context->AddMetadata("x-heapsim-session", session.name);
    context->AddMetadata("x-heapsim-token", session.token);
  }
  return context;
}

SessionRef StressClient::CreateSession(const std::string& profile, uint64_t max_steps,
                                       grpc::Status* status) {
  v1::CreateSessionRequest request;
  request.set_profile(profile);
  request.mutable_limits()->set_max_steps(max_steps);
  v1::CreateSessionResponse response;
  auto context = Context(SessionRef(), std::chrono::seconds(30));
  *status = stub_->CreateSession(context.get(), request, &response);
  if (!status->ok()) return SessionRef();
  return SessionRef{response.session().name(), response.token()};
}

}  // namespace heapsim::stress
