"""A small Python client of heapsim.v1 for graders.

    from heapsim_client import Session
    with Session("127.0.0.1:50051", profile="3.11") as s:
        change = s.allocate(literal="[1, 2, 3]", name="x")
        print(change.result.size)          # 88

The generated stubs (client/python/generate.sh) must be importable as
``heapsim.v1``. Errors raise grpc.RpcError; Python-level errors have code
FAILED_PRECONDITION and CPython's error line as details.
"""

import grpc

from heapsim.v1 import heapsim_pb2 as pb
from heapsim.v1 import heapsim_pb2_grpc as rpc

__all__ = ["Session", "pb"]


class Session:
    """One heapsim session: created on entry, deleted on exit."""

    def __init__(self, server, profile="3.11", session_id=""):
        self._channel = grpc.insecure_channel(server)
        self._stub = rpc.HeapServiceStub(self._channel)
        created = self._stub.CreateSession(
            pb.CreateSessionRequest(profile=profile, session_id=session_id))
        self.name = created.session.name
        self._metadata = (("x-heapsim-session", self.name), ("x-heapsim-token", created.token))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self._channel is None:
            return
        try:
            self._stub.DeleteSession(pb.DeleteSessionRequest(name=self.name),
                                     metadata=self._metadata)
        finally:
            self._channel.close()
            self._channel = None

    def allocate(self, literal=None, value=None, name=""):
        """Allocates a Python literal (text) or a structured pb.Value."""
        if value is None:
            value = pb.Value(literal=literal)
        return self._stub.Allocate(pb.AllocateRequest(value=value, **{"as": name}),
                                   metadata=self._metadata)

    def bind(self, name, target_name=None, address=None):
        target = pb.Value(name=target_name) if target_name else pb.Value(object=address)
        return self._stub.Bind(pb.BindRequest(name=name, target=target), metadata=self._metadata)

    def mutate(self, target_name, method, *args):
        request = pb.MutateRequest(target=pb.Value(name=target_name), method=method,
                                   args=[pb.Value(literal=a) for a in args])
        return self._stub.Mutate(request, metadata=self._metadata)

    def delete(self, name):
        return self._stub.Delete(pb.DeleteRequest(name=name), metadata=self._metadata)

    def collect(self, generation=2):
        return self._stub.Collect(pb.CollectRequest(generation=generation),
                                  metadata=self._metadata)

    def inspect(self, name):
        return self._stub.Inspect(pb.InspectRequest(object=pb.Value(name=name)),
                                  metadata=self._metadata).object

    def batch(self, operations):
        return self._stub.Batch(pb.BatchRequest(operations=operations), metadata=self._metadata)
