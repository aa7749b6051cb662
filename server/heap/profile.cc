#include "server/heap/profile.h"

#include <initializer_list>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "server/heap/cpython_namespaces.h"

namespace heapsim {

namespace {

// The set of code points in the inclusive `ranges`, as 256 bits.
constexpr std::array<uint64_t, 4> CodePointSet(
    std::initializer_list<std::pair<uint32_t, uint32_t>> ranges) {
  std::array<uint64_t, 4> bits{};
  for (const auto& [first, last] : ranges) {
    for (uint32_t c = first; c <= last; ++c) bits[c / 64] |= uint64_t{1} << (c % 64);
  }
  return bits;
}

// The first simulated version, every field spelled out.
constexpr Profile Py38() {
  return {
      .version = "3.8",
      .full_version = "3.8.18",
      .pool_size = 4 * 1024,
      .arena_size = 256 * 1024,
      .arena_loses_a_pool = false,
      .keep_one_empty_arena = false,
      .mmap_threshold = 128 * 1024,
      .float_freelist = 100,
      .list_freelist = 80,
      .dict_freelist = 80,
      .dict_keys_freelist = 80,
      .dict_keys_freelist_str_only = false,
      .tuple_freelist_max_len = 19,
      .tuple_freelist_per_len = 2000,
      .tuple_resize_to_empty_is_singleton = false,
      .frame_freelist = 200,
      .frames_on_heap = true,
      .generator_embeds_frame = false,
      .generator_close_unstarted_clears_frame = false,
      .generator_close_paused_clears_frame = false,
      .percent_s_int_fast_path = false,
      .genexpr_close_keeps_block = false,
      .bool_op_copies_operand = false,
      .call_pushes_null = false,
      .call_pushes_null_after_callee = false,
      .call_pushes_kwnames = true,
      .generator_function_min_depth = 1,
      .yield_from_depth = 2,
      .make_function_pushes_qualname = true,
      .slice_cache = 1,
      .builtin_method_freelist = 256,
      .method_freelist = 256,
      .keyword_method_calls_bind = true,
      .init_subclass_packs_super_args = true,
      .int_parse_error_raised_twice = false,
      .attribute_miss_formats_message = true,
      .module_miss_formats_two_messages = true,
      .list_growth_rounds_to_4 = false,
      .list_prealloc_rounds_even = false,
      .list_extend_empty_preallocates = false,
      .list_init_preallocates = true,
      .list_init_asks_len = true,
      .list_extend_mapping_grows = false,
      .list_del_item_keeps_allocation = false,
      .dict_keys_header = 40,
      .dict_str_keys_compact = false,
      .dict_resize_minsize_quirk = false,
      .dict_new_presized_8 = true,
      .dict_merge_clones_clean = false,
      .dict_union_operators = false,
      .siphash13 = false,
      .int_min_digits = 0,
      .int_medium_request = 28,
      .str_ascii_header = 48,
      .str_compact_header = 72,
      .latin1_singletons_cache_utf8 = false,
      .bytes_header = 33,
      .instance_preheader = 0,
      .instance_basic_size = 32,
      .instance_storage = InstanceStorage::kSplitDict,
      .weakref_in_preheader = false,
      .class_shared_keys_log2 = 3,
      .class_shared_keys_usable = 5,
      .class_object_size = 896,
      .subclasses_freed_when_empty = false,
      .static_type_size = 416,
      .range_length_in_c = false,
      .aux =
          {
              .function = 136,
              .code = 176,
              .cell = 40,
              .method = 64,
              .builtin_method = 72,
              .seq_iterator = 48,
              .range_iterator = 48,
              .dict_iterator = 72,
              .set_iterator = 64,
              .enumerate = 64,
              .zip = 56,
              .map_filter = 48,
              .dict_view = 40,
              .generator = 112,
              .range = 48,
              .slice = 56,
              .exception = 80,
              .frame_base = 384,
              .module = 72,
              .weakref = 72,
          },
      .immortal_singletons = false,
      .static_refcount_base = 0,
      .none_startup_refs = 4079,
      .bool_startup_refs = 110,
      .singleton_startup_refs = 3,
      // Measured with tracemalloc around chr(c) for every c: made at startup
      // are \a to \r (7-13), \x1a, and ' ' to '~' but for '`'.
      .static_char_singletons = false,
      .one_chars_at_startup = CodePointSet({{7, 13}, {26, 26}, {32, 95}, {97, 126}}),
      .one_bytes_at_startup = CodePointSet({{10, 10}, {45, 45}, {47, 49}, {95, 95}}),
      .parser_keeps_token_bytes = false,
      .distinct_interned_one_chars = "",
      .interned_strings_immortal = false,
      .trashcan_depth = 50,
      .call_copies_arguments = true,
      .call_releases_args_reversed = true,
      .call_ex_releases_tuple = false,
      .call_unpacks_bound_method = false,
      .print_keywords = ParserKeywords::kOnFirstKeywordCall,
      .clinic_keywords = ParserKeywords::kOnFirstKeywordCall,
      .enumerate_keywords = ParserKeywords::kOnFirstKeywordCall,
      .min_max_keywords = ParserKeywords::kStatic,
      .comprehensions_inlined = false,
      .super_attr_specialises = false,
      .property_get_specialises = false,
      .property_size = 72,
      .property_has_name = false,
      .property_named_by_getter = false,
      .method_wrappers_copy_attributes = false,
      .binary_slice = false,
      .constant_display_extends = false,
      .starred_display_packs_runs = true,
      .display_append_threshold = 0,
      .annotations_as_tuple = false,
      .class_annotations_getset = false,
      .tracemalloc_has_reset_peak = false,
      .main_path_absolute = false,
      .tracemalloc_max_frames = 178956969,
      .take_snapshot_get_traces_line = 532,
      .take_snapshot_snapshot_line = 534,
      .take_snapshot_traces_line = 397,
      .take_snapshot_sequence_init_line = 289,
      .take_snapshot_call_specialised = false,
      .object_traceback_skips_preheader = false,
      .str_split_prealloc_by_length = false,
      .str_splitlines_keepends_truth = false,
      .str_has_removeprefix = false,
      .sum_floats_compensated = false,
      .sum_int_total_exact_digits = false,
      .sort_runs_keep_equal_descending = false,
      .nan_hash_is_identity = false,
      .none_hash_is_constant = false,
      .set_difference_intersects_larger = false,
      .list_extend_reads_containers = false,
      .empty_frozenset = EmptyFrozenSet::kMadeOnFirstUse,
      .int_pow_from_top_bit = false,
      .bytearray_init_appends = true,
      .defaults_folded_to_constant = false,
      .vectorcall_types = "",
      .packing_functions =
          "zip enumerate reversed min max "
          "dict.update set.update set.union set.intersection set.difference str.format "
          "str.startswith str.endswith str.find str.count functools.reduce sys.getsizeof "
          "gc.set_threshold gc.get_referents gc.get_referrers vars",
      .str_concat_in_place = true,
      .compare_specialises_in_tests = false,
      .recursion_overflow_allowance = 50,
      .print_packs_args = false,
      .contains_compares_item_first = false,
      .percent_format_folded = false,
      .weakref = {.type_name = "weakref", .type_module = "", .getweakrefs_appends = false,
                  .callbacks_from_tuple = false, .proxy_type_name = "weakproxy",
                  .callable_proxy_type_name = "weakcallableproxy", .proxy_repr_quotes_type = false,
                  .proxy_call_name = "proxy"},
      .class_namespace = {.static_attributes = false,
                          .proxy_methods_bind = true,
                          .proxy_or = false,
                          .proxy_hash_delegates = false},
      .array = {.object_size = 64,
                .gc_tracked = false,
                .iterator_type_name = "arrayiterator",
                .index_item_errors = false,
                .u_deprecated = false,
                .extend_takes_defining_class = false},
      .math = {.variadic_gcd = false,
               .factorial_accepts_floats = true,
               .log_arity_message = true,
               .pow_zero_to_minus_inf_fails = true},
      .int_methods = {.has_bit_count = false, .bytes_defaults = false,
                      .from_bytes_small_cached = false},
      .bytes_methods = {.search_clinic = false},
      .random = {.frame_slots = {15, 8, 7, 11, 12, 7, 5, 16},
                 .code_sizes = {{{132, 7}, {8, 0}, {22, 0}, {29, 3}, {77, 7}, {10, 0}, {10, 1},
                                 {81, 6}}},
                 .getrandbits_zero_allowed = false,
                 .seed_checks_type = false,
                 .randrange_uses_index = false,
                 .choice_stores_index = true,
                 .choice_checks_length = false},
      .operator_index_returns_exact_int = false,
      .operator_has_call = false,
      .partial_traverse_visits_type = false,
      .partial_vectorcall = false,
      .lru_cache = {.wrapper_size = 144,
                    .has_cache = false,
                    .has_cache_parameters = false,
                    .weak_referenceable = false,
                    .copies_type_params = false},
      .deque = {.object_size = 96, .own_block_cache = false, .traverse_visits_type = false,
                .remove_rotates_each_step = true,
                .iterator_type_name = "_collections._deque_iterator"},
      .namedtuple = {.new_function_name = "__new__",
                     .has_match_args = false,
                     .has_fields_defaults_alias = true,
                     .replace_raises_type_error = false},
      .dataclass = {.has_slots = false,
                    .has_weakref_slot = false,
                    .mutable_by_hash = false,
                    .eq_by_field = false,
                    .names_seen_default = false,
                    .overwrite_advice_after_space = false},
      .defaultdict_traverse_visits_type = false,
      .ordereddict_repr_shows_dict = false,
      .ordereddict_keys_iterator_has_result = true,
      .ordereddict_clear_changes_state = false,
      .counter_has_total = false,
      .counter_rich_compare = false,
      .itertools = {.accumulate_size = 64,
                    .traverse_visits_type = false,
                    .from_iterable_qualified = false,
                    .has_pairwise = false,
                    .has_batched = false,
                    .pairwise_reuses_result = false},
      .messages =
          {
              .unbound_local = "local variable '%s' referenced before assignment",
              .float_floor_div_zero = "float divmod()",
              .int_mod_zero = "integer division or modulo by zero",
              .float_mod_zero = "float modulo",
              .number = "number",
              .reduce_empty = "reduce() of empty sequence with no initial value",
              .min_max_empty = "%s() arg is an empty sequence",
              .weakref_slot_disallowed =
                  "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0",
              .setattr_no_dict = "",
              .str_search_arg = "must be str",
              .qualified_call_names = false,
              .delattr_names_object = false,
              .uncaught_class_names_module = true,
              .unset_slot_names_object = false,
              .qualified_function_names = false,
              .with_protocol_type_error = false,
              .int_arg_legacy = true,
              .chr_overflow_value_error = false,
              .attr_name_names_type = false,
              .ternary_pow_names_operator = false,
              .clinic_keyword_names_function = false,
              .class_check_mentions_union = false,
              .weakref_call_args = "__call__() takes at most 0 arguments (%d given)",
              .weakref_call_keywords = "__call__() takes at most 0 keyword arguments (%d given)",
              .super_type_argument = "super() argument 1 must be type, not ",
              .super_check_names_types = false,
              .property_no_getter = "unreadable attribute",
              .property_no_setter = "can't set attribute",
              .property_no_deleter = "can't delete attribute",
              .str_search_clinic = false,
              .qualified_varargs_names = false,
          },
      .gc_thresholds = {700, 10, 10},
      .gc_collects_inside_allocation = true,
      .gc_startup_stats = {{{9, 0}, {0, 0}, {0, 0}}},
      .gc_startup_count0_bound = 540,
      .gc_startup_count2_bound = 1,
      .default_encoding_static = false,
      .gc_startup_frozen = 0,
      .gc_has_is_finalized = false,
      .sys_has_exception = false,
      .gc_resurrection_revives_all = true,
      .startup_free_lists = {.floats = 3, .lists = 6, .dicts = 9, .tuples = {9, 5, 4, 1, 4, 3, 10,
                                                                             6, 3, 1, 1, 2, 0, 3,
                                                                             2, 0, 1, 2, 3, 0},
                             .methods = 8,
                             .builtin_methods = 3,
                             .frames = {14, 16, 13, 8, 6}},
      .c_recursion = {.limit = 1000,
                      .counts_python_frames = true,
                      .base = 0,
                      .str_levels = 1,
                      .print_levels = 1,
                      .format_levels = 1},
      .adaptive_rules = {.warmup = AdaptiveRules::Warmup::kNone,
                               .start_counter = 0,
                               .start_backoff = 0,
                               .specialised_counter = 0,
                               .misses_revert = false,
                               .revert_counter = 0,
                               .revert_backoff = 0,
                               .float_result_reuses_operand = false},
      .source_limits = {.max_paren_nesting = 0,
                        .max_indent_levels = 99,
                        .parser = ParserKind::kLL1,
                        .parser_stack_limit = 1700,
                        .peg_assignment_levels = 0,
                        .parser_overflow_message = "",
                        .compiler_depth_limit = 0,
                        .compiler_depth_after_folding = false,
                        .null_byte_error = false,
                        .pep263_url = "http://python.org/dev/peps/pep-0263/",
                        .non_utf8_line_offset = 0,
                        .int_max_str_digits = 4300,
                        .int_limit_says_digits = false,
                        .match_statement = false},
      .name_suggestions = NameSuggestions::kNone,
      .name_hints_self_attribute = false,
      .builtin_names = cpython_names::kBuiltins38,
      .import_hint_modules = "",
      .modules_at_startup = "",
      .builtin_type_dirs = {},
      .attribute_hints_hide_underscored = false,
      .attribute_hints_on_set = false,
      .deepcopy_id_before_memo = false,
      .deepcopy_range_atomic = false,
      .copy_code_sizes = {{{100, 13}, {2, 0}, {144, 15}, {2, 0}, {25, 1}, {52, 4}, {0, 0},
                           {11, 0}, {29, 1}, {31, 3}}},
      .exception_made_when_raised = false,
      .exception_frees_traceback_first = false,
      .frame_object_base = 0,
      .code_object = {.name_tuples = CodeObjectRules::NameTuples::kCompiled,
                      .flags_nofree = true,
                      .cell_parameters_first = false,
                      .has_qualname = false},
      // Measured: tracemalloc's blocks on a function's 1024th call.
      .bytecode = {.opcache_min_runs = 1024,
                   .opcache_entry_size = 32,
                   .opcache_caches_attributes = false,
                   .assert_loads_global = true,
                   .gen_start = false,
                   .while_repeats_test = false,
                   .cfg_optimiser = false},
  };
}

// 3.9: what changed since 3.8.
constexpr Profile Py39() {
  Profile p = Py38();
  p.bytecode.assert_loads_global = false;  // LOAD_ASSERTION_ERROR
  p.percent_s_int_fast_path = true;
  p.repr_state.made_by_imports = "";
  p.repr_state.namedtuple_reprs_field_names = false;
  p.namedtuple.new_function_name = "<lambda>";
  p.namedtuple.has_fields_defaults_alias = false;
  // Measured with a script whose own one-character tokens are ( ) , . = [ ]
  // : and 0 (kept: nearly every script has them).
  p.one_bytes_at_startup = CodePointSet(
      {{10, 10}, {40, 41}, {43, 46}, {48, 49}, {58, 61}, {91, 91}, {93, 93}, {95, 95}});
  p.parser_keeps_token_bytes = true;
  p.recursion_overflow_allowance = 0;
  p.math.variadic_gcd = true;
  p.random = {.frame_slots = {14, 8, 7, 7, 12, 7, 5, 16},
              .code_sizes = {{{132, 10}, {8, 0}, {26, 0}, {9, 1}, {83, 9}, {10, 0}, {10, 1},
                              {82, 6}}},
              .getrandbits_zero_allowed = true,
              .seed_checks_type = true,
              .randrange_uses_index = false,
              .choice_stores_index = false,
              .choice_checks_length = false};
  p.copy_code_sizes = {
      {{101, 13}, {2, 0}, {145, 15}, {2, 0}, {25, 1}, {51, 4}, {0, 0}, {11, 0}, {29, 1}, {30, 3}}};
  p.itertools.from_iterable_qualified = true;
  p.ordereddict_keys_iterator_has_result = false;
  p.set_difference_intersects_larger = true;
  p.empty_frozenset = EmptyFrozenSet::kAtStartup;
  p.version = "3.9";
  p.str_has_removeprefix = true;
  p.dict_union_operators = true;
  p.gc_startup_stats = {{{9, 0}, {0, 0}, {0, 0}}};
  p.gc_startup_count0_bound = 640;
  p.gc_has_is_finalized = true;
  p.gc_resurrection_revives_all = false;
  p.contains_compares_item_first = true;
  p.full_version = "3.9.18";
  p.builtin_names = cpython_names::kBuiltins39;
  p.keep_one_empty_arena = true;
  p.list_growth_rounds_to_4 = true;
  p.static_type_size = 408;
  p.none_startup_refs = 4063;
  p.constant_display_extends = true;
  p.starred_display_packs_runs = false;
  p.tracemalloc_has_reset_peak = true;
  p.main_path_absolute = true;
  p.take_snapshot_get_traces_line = 558;
  p.take_snapshot_snapshot_line = 560;
  p.take_snapshot_traces_line = 423;
  p.take_snapshot_sequence_init_line = 313;
  p.tracemalloc_max_frames = 65535;
  p.vectorcall_types = "range list dict tuple set frozenset";
  p.builtin_method_freelist = 0;
  p.method_freelist = 0;
  p.class_namespace.proxy_methods_bind = false;
  p.class_namespace.proxy_or = true;
  p.messages.float_floor_div_zero = "float floor division by zero";
  p.messages.qualified_call_names = true;
  p.source_limits.max_paren_nesting = 200;
  p.source_limits.parser = ParserKind::kPeg;
  p.source_limits.parser_stack_limit = 6000;
  p.source_limits.peg_assignment_levels = 33;
  p.source_limits.compiler_depth_limit = 3000;
  p.source_limits.compiler_depth_after_folding = true;
  p.source_limits.pep263_url = "https://python.org/dev/peps/pep-0263/";
  p.startup_free_lists = {
      .floats = 3, .lists = 6, .dicts = 10, .tuples = {9, 5, 5, 1, 4, 3, 9, 2, 3, 4,
                                                       2, 2, 0, 3, 2, 0, 1, 2, 3, 0},
      .frames = {12, 17, 13, 8, 7}};
  p.partial_vectorcall = true;
  p.lru_cache.wrapper_size = 152;
  p.lru_cache.has_cache = true;
  p.lru_cache.has_cache_parameters = true;
  p.lru_cache.weak_referenceable = true;
  return p;
}

// 3.10: what changed since 3.9.
constexpr Profile Py310() {
  Profile p = Py39();
  p.bytecode.opcache_caches_attributes = true;
  p.bytecode.gen_start = true;
  p.bytecode.while_repeats_test = true;
  p.bytecode.cfg_optimiser = true;
  p.int_methods.has_bit_count = true;
  p.itertools.has_pairwise = true;
  p.counter_has_total = true;      // Counter.total()
  p.counter_rich_compare = true;   // Counter.__eq__, __le__, ...
  p.namedtuple.new_function_name = "";  // "Point.__new__"
  p.namedtuple.has_match_args = true;
  p.dataclass.has_slots = true;
  p.deque.remove_rotates_each_step = false;
  p.weakref.type_name = "ReferenceType";
  p.weakref.proxy_type_name = "ProxyType";
  p.weakref.callable_proxy_type_name = "CallableProxyType";
  p.math.factorial_accepts_floats = false;
  p.random.frame_slots = {17, 8, 7, 7, 12, 7, 5, 16};
  p.random.code_sizes = {
      {{220, 30}, {8, 0}, {29, 1}, {9, 1}, {84, 10}, {10, 0}, {10, 3}, {76, 7}}};
  p.random.randrange_uses_index = true;
  p.copy_code_sizes = {
      {{101, 13}, {2, 0}, {144, 15}, {2, 0}, {25, 2}, {52, 4}, {0, 0}, {11, 0}, {29, 1}, {30, 3}}};
  p.operator_index_returns_exact_int = true;
  p.weakref.type_module = "weakref";
  p.array.gc_tracked = true;
  p.array.iterator_type_name = "array.arrayiterator";
  p.array.index_item_errors = true;
  p.array.extend_takes_defining_class = true;
  p.deepcopy_range_atomic = true;
  p.empty_frozenset = EmptyFrozenSet::kNotShared;
  p.version = "3.10";
  p.module_miss_formats_two_messages = false;  // set_attribute_error_context
  p.gc_startup_stats = {{{10, 0}, {0, 0}, {0, 0}}};
  p.gc_startup_count0_bound = 170;
  p.list_init_asks_len = false;
  p.messages.unset_slot_names_object = true;
  p.messages.reduce_empty = "reduce() of empty iterable with no initial value";
  p.partial_traverse_visits_type = true;
  p.lru_cache.wrapper_size = 168;
  p.full_version = "3.10.13";
  p.name_suggestions = NameSuggestions::kEachNamespace;
  p.builtin_names = cpython_names::kBuiltins310;
  p.builtin_type_dirs = cpython_names::kTypeDirs310;
  p.source_limits.compiler_depth_after_folding = false;
  p.source_limits.non_utf8_line_offset = 1;
  p.source_limits.match_statement = true;
  p.pool_size = 16 * 1024;
  p.arena_size = 1024 * 1024;
  p.arena_loses_a_pool = true;
  p.list_prealloc_rounds_even = true;
  p.list_extend_empty_preallocates = true;
  p.messages.qualified_function_names = true;
  p.dict_resize_minsize_quirk = true;
  p.dict_new_presized_8 = false;
  p.dict_merge_clones_clean = true;
  p.nan_hash_is_identity = true;
  p.class_object_size = 904;
  p.aux.function = 144;
  p.property_size = 80;
  p.property_has_name = true;
  p.messages.property_no_getter = "unreadable attribute%N";
  p.messages.property_no_setter = "can't set attribute%N";
  p.messages.property_no_deleter = "can't delete attribute%N";
  p.method_wrappers_copy_attributes = true;
  p.aux.zip = 64;
  p.aux.generator = 104;
  p.aux.frame_base = 376;
  p.none_startup_refs = 4141;
  p.display_append_threshold = 30;
  p.annotations_as_tuple = true;
  p.class_annotations_getset = true;
  p.vectorcall_types = "range list dict tuple set frozenset bool float type map filter";
  p.packing_functions =
      "zip enumerate min max "
      "dict.update set.update set.union set.intersection set.difference str.format "
      "str.startswith str.endswith str.find str.count functools.reduce sys.getsizeof "
      "gc.set_threshold gc.get_referents gc.get_referrers vars";
  p.messages.number = "real number";
  p.number_conversion.complex_slots_raise = false;
  p.messages.int_arg_legacy = false;
  p.messages.ternary_pow_names_operator = true;
  p.messages.class_check_mentions_union = true;
  p.startup_free_lists = {
      .floats = 4, .lists = 5, .dicts = 8, .tuples = {4, 7, 2, 1, 4, 2, 8, 2, 3, 7,
                                                      1, 1, 0, 1, 2, 0, 1, 2, 3, 0},
      .frames = {12, 17, 14, 8, 7}};
  return p;
}

// 3.11: what changed since 3.10.
constexpr Profile Py311() {
  Profile p = Py310();
  p.bytecode.opcache_min_runs = 0;  // the specialising interpreter instead
  p.dataclass.has_weakref_slot = true;
  p.dataclass.mutable_by_hash = true;
  p.bool_strs.made_on_first_use = false;
  p.special_names.made_on_first_use = false;
  p.parser_keeps_token_bytes = false;  // static one-byte objects from 3.11
  p.repr_state.key_made_on_first_use = false;
  p.exception_frees_traceback_first = true;
  p.sys_has_exception = true;
  p.math.pow_zero_to_minus_inf_fails = false;
  p.int_methods.bytes_defaults = true;
  p.int_methods.from_bytes_small_cached = true;
  p.random.frame_slots = {};  // frames live on the interpreter's own stack
  p.random.code_sizes = {};   // no opcache
  p.copy_code_sizes = {};
  p.random.choice_checks_length = true;
  p.operator_has_call = true;
  p.frame_object_base = 136;
  p.code_object = {.name_tuples = CodeObjectRules::NameTuples::kFresh,
                   .flags_nofree = false,
                   .cell_parameters_first = true,
                   .has_qualname = true};
  p.int_pow_from_top_bit = true;
  p.version = "3.11";
  p.messages.qualified_varargs_names = true;
  // Measured: quickened sites specialise on their first run (counter 0),
  // 53 misses revert one, which then waits 31 runs.
  p.adaptive_rules = {.warmup = AdaptiveRules::Warmup::kCodeObject,
                            .start_counter = 0,
                            .start_backoff = 0,
                            .specialised_counter = 53,
                            .misses_revert = true,
                            .revert_counter = 31,
                            .revert_backoff = 5,
                            .float_result_reuses_operand = false};
  // measured: in sys.modules when a script starts
  p.modules_at_startup = "weakref math operator itertools collections functools random";
  p.aux.weakref = 80;  // a vectorcall pointer
  p.deque.object_size = 232;  // 16 cached block pointers and their count
  p.deque.own_block_cache = true;
  p.messages.weakref_call_args = "weakref expected 0 arguments, got %d";
  p.messages.weakref_call_keywords = "weakref() takes no keyword arguments";
  p.weakref.proxy_call_name = "_weakref.proxy";
  p.default_encoding_static = true;
  p.gc_startup_stats = {{{22, 43}, {2, 92}, {0, 0}}};
  p.gc_startup_count0_bound = 360;
  p.gc_startup_count2_bound = 3;
  p.distinct_interned_one_chars = "BCLST_abcdefhijklmnopqrstvwxy";
  p.compare_specialises_in_tests = true;
  p.messages.with_protocol_type_error = true;
  p.messages.attr_name_names_type = true;
  p.messages.super_type_argument = "super() argument 1 must be a type, not ";
  p.messages.property_no_getter = "property%N of '%T' object has no getter";
  p.messages.property_no_setter = "property%N of '%T' object has no setter";
  p.messages.property_no_deleter = "property%N of '%T' object has no deleter";
  p.percent_format_folded = true;
  p.full_version = "3.11.7";
  p.call_unpacks_bound_method = true;
  p.print_keywords = ParserKeywords::kOnFirstCall;
  p.enumerate_keywords = ParserKeywords::kStatic;
  p.builtin_names = cpython_names::kBuiltins311;
  p.builtin_type_dirs = cpython_names::kTypeDirs311;
  p.source_limits.null_byte_error = true;
  p.c_recursion.str_levels = 0;
  p.c_recursion.print_levels = 0;
  p.source_limits.pep263_url = "https://peps.python.org/pep-0263/";
  p.source_limits.non_utf8_line_offset = 0;
  p.source_limits.int_limit_says_digits = true;
  p.dict_keys_freelist_str_only = true;
  p.frame_freelist = 0;
  p.frames_on_heap = false;
  p.generator_embeds_frame = true;
  p.call_pushes_null = true;
  p.call_pushes_kwnames = false;
  p.keyword_method_calls_bind = false;
  p.init_subclass_packs_super_args = false;
  p.make_function_pushes_qualname = false;
  p.tuple_resize_to_empty_is_singleton = true;
  p.dict_keys_header = 32;
  p.dict_str_keys_compact = true;
  p.siphash13 = true;
  p.int_min_digits = 1;
  p.int_medium_request = 32;
  p.instance_preheader = 16;
  p.instance_basic_size = 24;
  p.instance_storage = InstanceStorage::kValuesArray;
  p.class_shared_keys_log2 = 6;
  p.class_shared_keys_usable = 30;
  p.class_object_size = 920;
  p.subclasses_freed_when_empty = true;
  p.static_type_size = 424;
  p.aux.function = 152;
  p.aux.code = 192;
  p.aux.enumerate = 72;
  p.aux.generator = 168;
  p.aux.exception = 88;
  p.aux.frame_base = 0;
  p.static_refcount_base = 999999999;
  p.none_startup_refs = 5485;
  p.bool_startup_refs = 400;
  p.static_char_singletons = true;
  p.call_copies_arguments = false;
  p.call_releases_args_reversed = false;
  p.bytearray_init_appends = false;
  // str has no vectorcall before 3.13: str(x) packs its argument unless
  // the call site runs specialised (server/script/interpreter_specialised.cc).
  p.vectorcall_types = "range list dict tuple set frozenset bool float type map filter super";
  p.packing_functions =
      "zip min max "
      "dict.update set.update set.union set.intersection set.difference str.format "
      "str.startswith str.endswith str.find str.count functools.reduce sys.getsizeof "
      "gc.set_threshold gc.get_referents gc.get_referrers vars";
  p.str_concat_in_place = false;
  p.print_packs_args = true;
  p.messages.delattr_names_object = true;
  p.messages.uncaught_class_names_module = false;
  p.messages.unbound_local =
      "cannot access local variable '%s' where it is not associated with a value";
  p.messages.int_mod_zero = "integer modulo by zero";
  p.startup_free_lists = {
      .floats = 4, .lists = 40, .dicts = 8, .tuples = {4, 8, 2, 2, 3, 0, 8, 6, 1, 0,
                                                       1, 3, 5, 1, 2, 2, 2, 3, 1, 6}};
  return p;
}

// 3.12: what changed since 3.11.
constexpr Profile Py312() {
  Profile p = Py311();
  p.int_parse_error_raised_twice = true;
  p.attribute_miss_formats_message = false;
  p.deque.traverse_visits_type = true;  // collections.deque became a heap type
  p.class_namespace.proxy_hash_delegates = true;
  // vars() takes its argument without a tuple in 3.12 alone (measured).
  p.packing_functions =
      "zip min max "
      "dict.update set.update set.union set.intersection set.difference str.format "
      "str.startswith str.endswith str.find str.count functools.reduce sys.getsizeof "
      "gc.set_threshold gc.get_referents gc.get_referrers";
  p.deque.iterator_type_name = "collections._deque_iterator";
  p.defaultdict_traverse_visits_type = true;  // so did collections.defaultdict
  p.lru_cache.copies_type_params = true;  // update_wrapper copies __type_params__
  p.ordereddict_repr_shows_dict = true;
  p.itertools.accumulate_size = 72;
  p.itertools.traverse_visits_type = true;  // heap types from 3.12
  p.itertools.has_batched = true;
  p.exception_made_when_raised = true;
  p.math.log_arity_message = false;
  p.modules_at_startup = "";  // measured: only _weakref and sys
  p.code_object.name_tuples = CodeObjectRules::NameTuples::kCachedLazily;
  p.version = "3.12";
  // Measured: a site specialises on its second run; 52 misses later it
  // specialises again for what it sees.
  p.adaptive_rules = {.warmup = AdaptiveRules::Warmup::kPerSite,
                            .start_counter = 1,
                            .start_backoff = 1,
                            .specialised_counter = 52,
                            .misses_revert = false,
                            .revert_counter = 0,
                            .revert_backoff = 0,
                            .float_result_reuses_operand = true};
  p.gc_startup_stats = {{{5, 24}, {0, 0}, {0, 0}}};
  p.gc_startup_count0_bound = 140;
  p.gc_startup_count2_bound = 1;
  p.gc_startup_frozen = 375;
  p.distinct_interned_one_chars = "_abcdenprsx";
  p.compare_specialises_in_tests = false;
  p.full_version = "3.12.1";
  p.object_traceback_skips_preheader = true;
  p.generator_close_unstarted_clears_frame = true;
  // Measured: next() of a generator expression, then del: 176 bytes more
  // traced than 3.11's and 3.13's close leaves.
  p.genexpr_close_keeps_block = true;
  p.name_hints_self_attribute = true;
  p.builtin_names = cpython_names::kBuiltins312;
  p.builtin_type_dirs = cpython_names::kTypeDirs312;
  p.import_hint_modules = cpython_names::kStdlibModules312;
  p.c_recursion = {.limit = 1500,
                   .counts_python_frames = false,
                   .base = 2,
                   .str_levels = 1,
                   .print_levels = 1,
                   .format_levels = 1};
  p.source_limits.parser_overflow_message = "Parser stack overflowed - Python source too complex to parse";
  p.str_ascii_header = 40;
  p.str_compact_header = 56;
  p.latin1_singletons_cache_utf8 = true;
  p.instance_basic_size = 16;
  p.weakref_in_preheader = true;
  p.messages.weakref_slot_disallowed = "__weakref__ slot disallowed: we already got one";
  p.class_object_size = 936;
  p.static_type_size = 432;
  p.range_length_in_c = true;
  p.aux.function = 160;
  p.aux.code = 200;
  p.aux.range_iterator = 40;
  p.aux.generator = 160;
  p.bool_op_copies_operand = true;
  p.generator_function_min_depth = 2;
  p.yield_from_depth = 3;
  p.immortal_singletons = true;
  p.static_refcount_base = 0;
  p.none_startup_refs = 0;
  p.bool_startup_refs = 0;
  p.singleton_startup_refs = 0;
  p.interned_strings_immortal = true;
  p.call_ex_releases_tuple = true;
  p.print_keywords = ParserKeywords::kStatic;
  p.clinic_keywords = ParserKeywords::kStatic;
  p.comprehensions_inlined = true;
  p.super_attr_specialises = true;
  p.property_get_specialises = true;
  p.binary_slice = true;
  p.str_split_prealloc_by_length = true;
  p.str_splitlines_keepends_truth = true;
  p.none_hash_is_constant = true;
  p.sum_floats_compensated = true;
  p.sum_int_total_exact_digits = true;
  p.defaults_folded_to_constant = true;
  p.messages.min_max_empty = "%s() iterable argument is empty";
  p.gc_collects_inside_allocation = false;
  p.startup_free_lists = {
      .floats = 3, .lists = 9, .dicts = 14, .tuples = {5, 8, 3, 1, 1, 1, 0, 0, 2, 0,
                                                       1, 0, 1, 1, 0, 0, 1, 2, 0, 0}};
  return p;
}

// 3.13: what changed since 3.12.
constexpr Profile Py313() {
  Profile p = Py312();
  p.int_parse_error_raised_twice = false;
  p.bytes_methods.search_clinic = true;
  p.itertools.pairwise_reuses_result = true;
  p.namedtuple.replace_raises_type_error = true;
  p.dataclass.eq_by_field = true;
  p.dataclass.names_seen_default = true;
  p.dataclass.overwrite_advice_after_space = true;
  p.weakref.getweakrefs_appends = true;
  p.class_namespace.static_attributes = true;
  p.weakref.callbacks_from_tuple = true;
  p.weakref.proxy_repr_quotes_type = true;
  p.array.u_deprecated = true;
  p.frame_object_base = 152;
  p.deepcopy_id_before_memo = true;
  p.ordereddict_clear_changes_state = true;
  p.list_extend_reads_containers = true;
  p.version = "3.13";
  p.gc_startup_stats = {{{3, 24}, {0, 0}, {0, 0}}};
  p.gc_startup_count0_bound = 160;
  p.gc_startup_frozen = 0;
  p.distinct_interned_one_chars = "";
  p.min_max_keywords = ParserKeywords::kOnFirstKeywordCall;
  p.full_version = "3.13.0";
  p.take_snapshot_call_specialised = true;
  p.generator_close_paused_clears_frame = true;
  p.genexpr_close_keeps_block = false;
  p.builtin_names = cpython_names::kBuiltins313;
  p.builtin_type_dirs = cpython_names::kTypeDirs313;
  p.attribute_hints_hide_underscored = true;
  p.attribute_hints_on_set = true;
  p.name_suggestions = NameSuggestions::kAllNamespaces;
  p.import_hint_modules = cpython_names::kStdlibModules313;
  p.c_recursion.limit = 10000;
  p.c_recursion.base = 1;
  p.c_recursion.str_levels = 0;
  p.source_limits.peg_assignment_levels = 34;
  p.source_limits.compiler_depth_limit = 10000;
  p.tuple_freelist_max_len = 20;
  p.list_init_preallocates = false;
  p.list_extend_mapping_grows = true;
  p.list_del_item_keeps_allocation = true;
  p.instance_storage = InstanceStorage::kInlineValues;
  p.class_object_size = 944;
  p.call_pushes_null_after_callee = true;
  p.call_pushes_kwnames = true;
  p.sort_runs_keep_equal_descending = true;
  p.static_type_size = 416;
  p.aux.code = 208;
  p.interned_strings_immortal = false;
  p.trashcan_depth = 1000;
  p.vectorcall_types = "range list dict tuple set frozenset bool float type int str map filter super";
  p.messages.super_check_names_types = true;
  p.property_named_by_getter = true;
  p.packing_functions =
      "zip dict.update set.update set.union set.intersection set.difference str.format functools.reduce "
      "sys.getsizeof gc.set_threshold gc.get_referents gc.get_referrers vars";
  p.messages.float_mod_zero = "float modulo by zero";
  p.messages.setattr_no_dict = " and no __dict__ for setting new attributes";
  p.messages.str_search_arg = "%s() argument 1 must be str";
  p.messages.str_search_clinic = true;
  p.messages.chr_overflow_value_error = true;
  p.messages.clinic_keyword_names_function = true;
  p.gc_thresholds = {2000, 10, 10};
  p.startup_free_lists = {
      .floats = 5, .lists = 10, .dicts = 12, .tuples = {5, 8, 4, 1, 0, 2, 5, 2, 3, 5,
                                                        2, 8, 2, 1, 1, 2, 2, 2, 1, 0}};
  return p;
}

// One row per simulated version. Every figure was measured on the interpreter
// named in full_version; tests/golden/ holds the measurements.
constexpr Profile kProfiles[] = {Py38(), Py39(), Py310(), Py311(), Py312(), Py313()};

}  // namespace

std::span<const Profile> AllProfiles() { return kProfiles; }

absl::StatusOr<const Profile*> FindProfile(std::string_view version) {
  for (const Profile& profile : kProfiles) {
    if (profile.version == version) return &profile;
  }
  return absl::InvalidArgumentError(
      absl::StrFormat("unknown profile '%s' (known: %s)", version, KnownProfileNames()));
}

std::string KnownProfileNames() {
  std::string names;
  for (const Profile& profile : kProfiles) {
    if (!names.empty()) names += ", ";
    names += profile.version;
  }
  return names;
}

}  // namespace heapsim
