// Sequence options, shared by CREATE SEQUENCE and identity columns.
#include "dialect/pg/ddl/parse_tree.hpp"
#include "dialect/pg/ddl/readers.hpp"

namespace drizzle::pg::ddl {

SequenceOptions read_sequence_options(Builder& b, std::size_t count, PgQuery__Node* const* options, int at,
                                      std::string* sequence_name) {
    SequenceOptions out;
    for (std::size_t i = 0; i < count; ++i) {
        if (options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
        const PgQuery__DefElem& option = *options[i]->def_elem;
        const std::string name = option.defname;
        // NO MINVALUE / NO MAXVALUE come without a value: PostgreSQL's default, i.e. unset.
        const std::optional<std::string> value =
            option.arg == nullptr ? std::nullopt : std::optional<std::string>(value_text(option.arg));
        if (name == "increment") {
            out.increment = value;
        } else if (name == "minvalue") {
            out.min_value = value;
        } else if (name == "maxvalue") {
            out.max_value = value;
        } else if (name == "start") {
            out.start_with = value;
        } else if (name == "cache") {
            out.cache = value;
        } else if (name == "cycle") {
            out.cycle = value.value_or("true") == "true";
        } else if (name == "sequence_name" && sequence_name != nullptr && option.arg != nullptr &&
                   option.arg->node_case == PG_QUERY__NODE__NODE_LIST) {
            // The model keeps the sequence's name only (it lives in the table's schema).
            const PgQuery__List& parts = *option.arg->list;
            *sequence_name = string_of(parts.items[parts.n_items - 1]);
        } else {
            const std::string shown = name == "as" ? "AS type" : name == "owned_by" ? "OWNED BY" : name;
            b.problem(option.location >= 0 ? option.location : at, "sequence option " + shown + " is not supported");
        }
    }
    return out;
}

}  // namespace drizzle::pg::ddl
