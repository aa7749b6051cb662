# Objects alive when the script ends are finalized by the interpreter's
# shutdown: a collection first frees what is already garbage, then the
# collection after __main__ is gone finalizes the rest in the collector's
# order (generation 2, then 0, then 1), with the globals still bound.
import gc


class Named:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalize", self.name, type(setting).__name__)


setting = "still bound"
gc.collect()
oldest = Named("oldest (collected into generation 2)")
gc.collect()
middle = Named("middle (generation 1)")
gc.collect(0)
b = Named("b")
a = Named("a")
_private = Named("_private")
in_list = [Named("in a list 0"), Named("in a list 1")]
nested = {"k": Named("in a dict")}
p = Named("cycle p")
q = Named("cycle q")
p.other = q
q.other = p
del p, q
print("end of script")
