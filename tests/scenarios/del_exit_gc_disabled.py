# With the collector disabled, shutdown skips its first collection: a
# cycle still garbage at exit is finalized with everything else, in the
# order of the final collection.
import gc


class Named:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalize", self.name)


gc.collect()
gc.disable()
first = Named("first")
p = Named("cycle p")
q = Named("cycle q")
p.other = q
q.other = p
del p, q
last = Named("last")
print("end of script")
