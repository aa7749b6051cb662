// The compiler (compiler_impl.h): scope analysis, from comprehension
// inlining to locals, cells, free variables and frame slots.

#include "server/script/compiler_impl.h"

namespace heapsim::script::compiler_internal {

void Compiler::DecideInlining() {
  if (!heap_.profile().comprehensions_inlined) return;
  // Children before parents: a comprehension is inlined only when every
  // unit inside it is too (nothing can capture its variables).
  std::vector<bool> has_frame_child(tree_.units.size(), false);
  std::vector<uint32_t> order(tree_.units.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<int> depth(tree_.units.size(), 0);
  for (uint32_t i = 1; i < order.size(); ++i) {
    for (uint32_t u = i; u != 0 && u != kNoUnit; u = Parent(u)) ++depth[i];
  }
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return depth[a] > depth[b]; });
  for (uint32_t u : order) {
    if (u == 0) continue;
    const CodeUnit& unit = tree_.units[u];
    const bool inline_it = unit.kind == UnitKind::kComprehension &&
                           unit.name != "<genexpr>" && !has_frame_child[u] &&
                           tree_.units[Parent(u)].kind != UnitKind::kClass;
    names_[u].inlined = inline_it;
    if (!inline_it || has_frame_child[u]) has_frame_child[Parent(u)] = true;
  }
}

void Compiler::CollectLocals() {
  for (uint32_t u = 0; u < tree_.units.size(); ++u) {
    const CodeUnit& unit = tree_.units[u];
    const UnitScope& scope = tree_.scopes[u];
    UnitNames& names = names_[u];
    if (unit.kind == UnitKind::kModule || unit.kind == UnitKind::kClass) continue;
    auto add = [&](const std::string& name) {
      if (scope.globals.contains(name) || scope.nonlocals.contains(name)) return;
      if (names.local_set.insert(name).second) names.locals.push_back(name);
    };
    for (const std::string& param : unit.slot_names) add(param);
    // Locals in the order the code first meets them.
    for (const NameRef* use : scope.uses) {
      if (scope.bound_set.contains(use->text)) add(use->text);
    }
    for (const std::string& name : scope.bound) add(name);
  }
}

bool Compiler::Capture(uint32_t unit, const std::string& name) {
  std::vector<uint32_t> between;
  for (uint32_t p = Parent(unit); p != kNoUnit; p = Parent(p)) {
    const UnitKind kind = tree_.units[p].kind;
    if (kind == UnitKind::kModule) return false;
    if (kind == UnitKind::kClass) continue;
    if (names_[p].inlined) {
      if (names_[p].local_set.contains(name)) return false;  // not inlined then
      continue;
    }
    if (tree_.scopes[p].globals.contains(name)) return false;
    if (names_[p].local_set.contains(name)) {
      names_[p].cells.insert(name);
      break;
    }
    const bool free_here = std::find(names_[p].frees.begin(), names_[p].frees.end(), name) !=
                           names_[p].frees.end();
    between.push_back(p);
    if (free_here || tree_.scopes[p].nonlocals.contains(name)) {
      // Already free (or declared nonlocal) there: resolved further out.
      if (free_here) break;
    }
    if (Parent(p) == kNoUnit) return false;
  }
  between.push_back(unit);
  for (uint32_t u : between) {
    std::vector<std::string>& frees = names_[u].frees;
    if (std::find(frees.begin(), frees.end(), name) == frees.end()) frees.push_back(name);
  }
  return true;
}

void Compiler::CaptureClassCell(uint32_t unit) {
  static const std::string kClassCell = "__class__";
  std::vector<uint32_t> between = {unit};
  uint32_t p = Parent(unit);
  for (; p != kNoUnit; p = Parent(p)) {
    const UnitKind kind = tree_.units[p].kind;
    if (kind == UnitKind::kModule) return;  // super() then finds no cell
    if (kind == UnitKind::kClass) break;
    if (!names_[p].inlined) between.push_back(p);
  }
  if (p == kNoUnit) return;
  names_[p].cells.insert(kClassCell);
  for (uint32_t u : between) {
    std::vector<std::string>& frees = names_[u].frees;
    if (std::find(frees.begin(), frees.end(), kClassCell) == frees.end()) {
      frees.push_back(kClassCell);
    }
  }
}

absl::Status Compiler::ResolveFrees() {
  for (uint32_t u = 0; u < tree_.units.size(); ++u) {
    for (const std::string& name : tree_.scopes[u].nonlocals) {
      if (!Capture(u, name)) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "%s:%d:%d: SyntaxError: no binding for nonlocal '%s' found", filename_, 1, 1, name));
      }
    }
  }
  for (uint32_t u = 0; u < tree_.units.size(); ++u) {
    for (const NameRef* use : tree_.scopes[u].uses) {
      uint32_t v = u;
      while (names_[v].inlined && !names_[v].local_set.contains(use->text)) v = Parent(v);
      if (!IsFunctionLike(v)) continue;
      const std::string& name = use->text;
      if (name == "super" || name == "__class__") {
        CaptureClassCell(v);
        if (name == "__class__") continue;
      }
      if (tree_.scopes[v].globals.contains(name) || names_[v].local_set.contains(name)) continue;
      Capture(v, name);
    }
  }
  // CPython orders free variables by name (co_freevars, and the closure
  // tuple with them).
  for (UnitNames& names : names_) std::sort(names.frees.begin(), names.frees.end());
  return absl::OkStatus();
}

absl::Status Compiler::AssignSlots() {
  std::vector<uint32_t> module_hidden;
  for (uint32_t u = 0; u < tree_.units.size(); ++u) {
    CodeUnit& unit = tree_.units[u];
    UnitNames& names = names_[u];
    if (unit.kind == UnitKind::kClass && !names.cells.empty()) {
      // A class body's only slot: the __class__ cell.
      for (const std::string& cell : names.cells) {
        names.slots[cell] = static_cast<uint32_t>(unit.slot_names.size());
        unit.cell_slots.push_back(static_cast<uint32_t>(unit.slot_names.size()));
        unit.slot_names.push_back(cell);
      }
      continue;
    }
    if (!IsFunctionLike(u)) continue;
    unit.slot_names = names.locals;
    unit.local_count = static_cast<uint32_t>(names.locals.size());
    for (uint32_t slot = 0; slot < unit.slot_names.size(); ++slot) {
      names.slots[unit.slot_names[slot]] = slot;
      if (names.cells.contains(unit.slot_names[slot])) unit.cell_slots.push_back(slot);
    }
    for (const std::string& free : names.frees) {
      const auto slot = static_cast<uint32_t>(unit.slot_names.size());
      names.slots[free] = slot;
      unit.slot_names.push_back(free);
      unit.free_slots.push_back(slot);
    }
  }
  // Inlined comprehensions: their variables get hidden slots of the host.
  for (uint32_t u = 0; u < tree_.units.size(); ++u) {
    if (!names_[u].inlined) continue;
    const uint32_t host = Host(u);
    CodeUnit& host_unit = tree_.units[host];
    host_unit.hosts_inlined_locals = true;
    Expr* expr = tree_.scopes[u].comprehension;
    for (const std::string& name : names_[u].locals) {
      uint32_t slot;
      if (host == 0) {
        // Module level: one hidden slot per name.
        auto it = std::find(host_unit.slot_names.begin(), host_unit.slot_names.end(), name);
        slot = static_cast<uint32_t>(it - host_unit.slot_names.begin());
        if (it == host_unit.slot_names.end()) host_unit.slot_names.push_back(name);
      } else {
        slot = static_cast<uint32_t>(host_unit.slot_names.size());
        host_unit.slot_names.push_back(name);
      }
      names_[u].slots[name] = slot;
      expr->hidden_slots.push_back(slot);
    }
  }
  // Closures: where the defining frame keeps each free variable's cell.
  for (uint32_t u = 1; u < tree_.units.size(); ++u) {
    if (names_[u].inlined || names_[u].frees.empty()) continue;
    const uint32_t definer = Host(Parent(u));
    const bool class_cell_only =
        tree_.units[definer].kind == UnitKind::kClass && names_[u].frees.size() == 1 &&
        names_[definer].slots.contains(names_[u].frees[0]);
    if (!IsFunctionLike(definer) && !class_cell_only) {
      return Error(Position{1, 1}, "a closure defined in a class body");
    }
    for (const std::string& free : names_[u].frees) {
      tree_.units[u].closure_sources.push_back(names_[definer].slots.at(free));
    }
  }
  return absl::OkStatus();
}

void Compiler::FillNameRefs() {
  for (uint32_t u = 0; u < tree_.units.size(); ++u) {
    for (NameRef* use : tree_.scopes[u].uses) {
      const std::string& name = use->text;
      uint32_t v = u;
      while (names_[v].inlined && !names_[v].local_set.contains(name)) v = Parent(v);
      if (names_[v].inlined) {
        use->scope = Scope::kFast;
        use->slot = names_[v].slots.at(name);
        continue;
      }
      const UnitKind kind = tree_.units[v].kind;
      if (IsFunctionLike(v) && !tree_.scopes[v].globals.contains(name)) {
        auto it = names_[v].slots.find(name);
        if (it != names_[v].slots.end()) {
          const bool cell = names_[v].cells.contains(name) ||
                            std::find(names_[v].frees.begin(), names_[v].frees.end(), name) !=
                                names_[v].frees.end();
          use->scope = cell ? Scope::kCell : Scope::kFast;
          use->slot = it->second;
          continue;
        }
      }
      use->scope = kind == UnitKind::kClass && !tree_.scopes[v].globals.contains(name)
                       ? Scope::kName
                       : Scope::kGlobal;
      use->key = InternName(name);
      use->hash = Hash(heap_, use->key).value_or(0);
    }
  }
}

}  // namespace heapsim::script::compiler_internal
