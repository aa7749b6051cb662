// A property test: random sequences of heap operations (fixed seeds), after
// which every reference count is recomputed from the object graph and every
// size class's blocks in use from the blocks objects hold; both must agree
// with what the engine maintained.

#include <random>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "gtest/gtest.h"
#include "server/heap/consistency.h"
#include "server/heap/dict_object.h"
#include "server/heap/float_object.h"
#include "server/heap/gc.h"
#include "server/heap/instance_object.h"
#include "server/heap/int_object.h"
#include "server/heap/list_object.h"
#include "server/heap/set_object.h"
#include "server/heap/str_object.h"
#include "server/heap/tuple_object.h"
#include "tests/heap/profile_params.h"

namespace heapsim {
namespace {

class RandomHeap {
 public:
  RandomHeap(const Profile& profile, uint32_t seed) : heap_(profile), rng_(seed) {
    cls_ = NewClass(heap_, "Node", NewDict(heap_), kNoObject, kNoObject);
    SlotsSpec slots;
    slots.present = true;
    slots.names = {"p", "q", "r"};
    slots.weakref = seed % 2 == 0;
    slotted_ = NewClass(heap_, "Slotted", NewDict(heap_), kNoObject, kNoObject, slots);
  }

  Heap& heap() { return heap_; }

  // One random operation.
  void Step() {
    switch (Pick(16)) {
      case 0:
        Keep(NewInt(heap_, static_cast<int64_t>(Pick(2000)) - 1000 + (Pick(2) ? (1ll << 40) : 0)));
        break;
      case 1:
        Keep(NewStr(heap_, std::string(Pick(40), static_cast<char>('a' + Pick(26)))));
        break;
      case 2:
        Keep(NewFloat(heap_, Pick(1000) / 7.0));
        break;
      case 3:
        Keep(NewList(heap_, Pick(3)));
        break;
      case 4:
        Keep(NewDict(heap_));
        break;
      case 5:
        Keep(NewSet(heap_, false));
        break;
      case 6: {
        std::vector<ObjectId> items;
        for (uint32_t i = Pick(4); i > 0; --i) items.push_back(Any());
        Keep(NewTupleOf(heap_, items));
        break;
      }
      case 7:
        if (const ObjectId list = AnyOf(TypeTag::kList)) ListAppend(heap_, list, Any());
        break;
      case 8:
        if (const ObjectId list = AnyOf(TypeTag::kList); list && !ListItems(heap_, list).empty()) {
          ListPop(heap_, list, static_cast<int64_t>(Pick(2)) - 1).IgnoreError();
        }
        break;
      case 9:
        if (const ObjectId dict = AnyOf(TypeTag::kDict)) {
          DictSetItem(heap_, dict, Hashable(), Any()).IgnoreError();
        }
        break;
      case 10:
        if (const ObjectId dict = AnyOf(TypeTag::kDict)) {
          DictDelItem(heap_, dict, Hashable()).IgnoreError();
        }
        break;
      case 11:
        if (const ObjectId set = AnyOf(TypeTag::kSet)) SetAdd(heap_, set, Hashable()).IgnoreError();
        break;
      case 12: {
        Ref instance = NewInstance(heap_, cls_.get());
        Ref name = InternStr(heap_, std::string(1, static_cast<char>('a' + Pick(8))));
        InstanceSetAttr(heap_, instance.get(), name.get(), Any());
        Keep(std::move(instance));
        break;
      }
      case 13:
        if (!roots_.empty()) roots_.erase(roots_.begin() + Pick(roots_.size()));
        break;
      case 14: {
        Ref instance = NewInstance(heap_, slotted_.get());
        Ref name = InternStr(heap_, std::string(1, static_cast<char>('p' + Pick(3))));
        ASSERT_TRUE(InstanceStoreAttr(heap_, instance.get(), name.get(), Any()).ok());
        Keep(std::move(instance));
        break;
      }
      case 15:
        if (const ObjectId instance = AnyOf(TypeTag::kInstance)) {
          Ref name = InternStr(heap_, std::string(1, static_cast<char>('p' + Pick(3))));
          if (heap_.instance(instance).cls == slotted_.get()) {
            // Set a slot to anything (a cycle at times), or clear it.
            if (Pick(2) == 0) {
              InstanceStoreAttr(heap_, instance, name.get(), Any()).IgnoreError();
            } else {
              InstanceStoreAttr(heap_, instance, name.get(), kNoObject).IgnoreError();
            }
          }
        }
        break;
    }
    if (Pick(200) == 0) Collect(heap_, static_cast<int>(Pick(3)));
  }

  // The references this test holds, per object.
  uint64_t External(ObjectId id) const {
    auto it = held_.find(id);
    uint64_t n = it == held_.end() ? 0 : it->second;
    return n + (id == cls_.get() || id == slotted_.get() ? 1 : 0);
  }

  void Recount() {
    held_.clear();
    for (const Ref& root : roots_) ++held_[root.get()];
  }

 private:
  uint32_t Pick(size_t n) { return static_cast<uint32_t>(rng_() % n); }

  void Keep(Ref ref) {
    roots_.push_back(std::move(ref));
    if (roots_.size() > 300) roots_.erase(roots_.begin() + Pick(roots_.size()));
  }

  ObjectId Any() {
    if (roots_.empty()) return heap_.none();
    return roots_[Pick(roots_.size())].get();
  }

  ObjectId AnyOf(TypeTag type) {
    for (int tries = 0; tries < 8 && !roots_.empty(); ++tries) {
      const ObjectId id = roots_[Pick(roots_.size())].get();
      if (heap_.type_of(id) == type) return id;
    }
    return kNoObject;
  }

  ObjectId Hashable() {
    for (int tries = 0; tries < 8 && !roots_.empty(); ++tries) {
      const ObjectId id = roots_[Pick(roots_.size())].get();
      const TypeTag type = heap_.type_of(id);
      if (type == TypeTag::kInt || type == TypeTag::kStr || type == TypeTag::kFloat) return id;
    }
    return heap_.small_int(static_cast<int64_t>(Pick(100)));
  }

  Heap heap_;
  std::mt19937 rng_;
  Ref cls_;
  Ref slotted_;  // a class with __slots__ p, q, r
  std::vector<Ref> roots_;
  absl::flat_hash_map<ObjectId, uint64_t> held_;
};

class ConsistencyTest : public ::testing::TestWithParam<std::tuple<std::string, uint32_t>> {};

TEST_P(ConsistencyTest, CountsAndBlocksAgreeAfterRandomOperations) {
  const auto& [version, seed] = GetParam();
  RandomHeap random(**FindProfile(version), seed);
  for (int round = 0; round < 20; ++round) {
    for (int i = 0; i < 250; ++i) random.Step();
    random.Recount();
    const absl::Status status = CheckConsistency(
        random.heap(), [&random](ObjectId id) { return random.External(id); });
    ASSERT_TRUE(status.ok()) << "round " << round << ": " << status;
  }
}

TEST(ConsistencyCheck, NoticesAWrongCount) {
  Heap heap(**FindProfile("3.11"));
  Ref list = NewList(heap, 0);
  const absl::Status ok = CheckConsistency(heap, [&](ObjectId id) { return id == list.get() ? 1 : 0; });
  EXPECT_TRUE(ok.ok()) << ok;
  const absl::Status bad = CheckConsistency(heap, [](ObjectId) { return uint64_t{0}; });
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(bad.message().find("refcount of list"), absl::string_view::npos) << bad;
}

INSTANTIATE_TEST_SUITE_P(Seeds, ConsistencyTest,
                         ::testing::Combine(::testing::ValuesIn(testing::ProfileVersions()),
                                            ::testing::Values(1u, 2u, 3u)),
                         [](const auto& info) {
                           return testing::ProfileTestName(std::get<0>(info.param)) + "_seed" +
                                  std::to_string(std::get<1>(info.param));
                         });

}  // namespace
}  // namespace heapsim
