// Parsing a script with libpg_query, and walking its protobuf-c tree.
#include "dialect/pg/ddl/parse_tree.hpp"

#include <pg_query.h>

namespace drizzle::pg::ddl {

namespace {

PgQuery__ParseResult* unpack(const PgQueryProtobuf& tree) {
    return pg_query__parse_result__unpack(nullptr, tree.len, reinterpret_cast<const uint8_t*>(tree.data));
}

// The grammar stops at the first error, so a rejected script is split into statements (by the
// scanner) and each is parsed alone: one run then reports every broken statement.
void collect_syntax_errors(const Source& source, std::vector<Problem>& problems) {
    const std::string input(source.text());
    PgQuerySplitResult split = pg_query_split_with_scanner(input.c_str());
    if (split.error != nullptr) {
        const int offset = source.offset_of_character(0, split.error->cursorpos);
        problems.push_back({offset, split.error->message});
        pg_query_free_split_result(split);
        return;
    }
    for (int i = 0; i < split.n_stmts; ++i) {
        const int start = split.stmts[i]->stmt_location;
        const int length =
            split.stmts[i]->stmt_len == 0 ? static_cast<int>(input.size()) - start : split.stmts[i]->stmt_len;
        const std::string statement = input.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(length));
        PgQueryProtobufParseResult parsed = pg_query_parse_protobuf(statement.c_str());
        if (parsed.error != nullptr) {
            // cursorpos counts characters from 1 within the text parsed; 0 = no position.
            const int cursor = parsed.error->cursorpos;
            const int offset = cursor > 0 ? source.offset_of_character(start, cursor) : start;
            problems.push_back({offset, parsed.error->message});
        }
        pg_query_free_protobuf_parse_result(parsed);
    }
    pg_query_free_split_result(split);
}

}  // namespace

void ParseTree::Free::operator()(PgQuery__ParseResult* result) const {
    pg_query__parse_result__free_unpacked(result, nullptr);
}

ParseTree ParseTree::parse(const Source& source, std::vector<Problem>& problems) {
    ParseTree tree;
    const std::string input(source.text());
    PgQueryProtobufParseResult parsed = pg_query_parse_protobuf(input.c_str());
    if (parsed.error == nullptr) {
        tree.result_.reset(unpack(parsed.parse_tree));
        if (!tree.result_) problems.push_back({0, "libpg_query returned an unreadable parse tree"});
    } else {
        const std::size_t before = problems.size();
        collect_syntax_errors(source, problems);
        // The scanner's split loses its way on unbalanced parentheses; the whole script's first
        // error is then the one to report.
        if (problems.size() == before) {
            problems.push_back({source.offset_of_character(0, parsed.error->cursorpos), parsed.error->message});
        }
    }
    pg_query_free_protobuf_parse_result(parsed);
    return tree;
}

std::string string_of(const PgQuery__Node* node) {
    return node != nullptr && node->node_case == PG_QUERY__NODE__NODE_STRING ? node->string->sval : "";
}

std::string dotted(std::size_t count, PgQuery__Node* const* items) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i)
        out += (i ? "." : "") + string_of(items[i]);
    return out;
}

std::string value_text(const PgQuery__Node* node) {
    if (node == nullptr) return {};
    switch (node->node_case) {
    case PG_QUERY__NODE__NODE_INTEGER:
        return std::to_string(node->integer->ival);
    case PG_QUERY__NODE__NODE_FLOAT:
        return node->float_->fval;
    case PG_QUERY__NODE__NODE_STRING:
        return node->string->sval;
    case PG_QUERY__NODE__NODE_BOOLEAN:
        return node->boolean->boolval ? "true" : "false";
    case PG_QUERY__NODE__NODE_TYPE_NAME:
        // `WITH (opt = word)` can parse a word as a type name.
        return node->type_name->n_names == 1 ? string_of(node->type_name->names[0]) : "";
    case PG_QUERY__NODE__NODE_A_CONST: {
        const PgQuery__AConst& c = *node->a_const;
        switch (c.val_case) {
        case PG_QUERY__A__CONST__VAL_IVAL:
            return std::to_string(c.ival->ival);
        case PG_QUERY__A__CONST__VAL_FVAL:
            return c.fval->fval;
        case PG_QUERY__A__CONST__VAL_SVAL:
            return c.sval->sval;
        case PG_QUERY__A__CONST__VAL_BOOLVAL:
            return c.boolval->boolval ? "true" : "false";
        default:
            return {};
        }
    }
    default:
        return {};
    }
}

void for_each_column_ref(const ProtobufCMessage* node, const std::function<void(const PgQuery__ColumnRef&)>& visit) {
    if (node == nullptr) return;
    if (node->descriptor == &pg_query__column_ref__descriptor) {
        visit(*reinterpret_cast<const PgQuery__ColumnRef*>(node));
        return;
    }
    const auto* bytes = reinterpret_cast<const char*>(node);
    const ProtobufCMessageDescriptor* descriptor = node->descriptor;
    for (unsigned i = 0; i < descriptor->n_fields; ++i) {
        const ProtobufCFieldDescriptor& field = descriptor->fields[i];
        if (field.type != PROTOBUF_C_TYPE_MESSAGE) continue;
        if (field.label == PROTOBUF_C_LABEL_REPEATED) {
            const auto count = *reinterpret_cast<const std::size_t*>(bytes + field.quantifier_offset);
            const auto* items = *reinterpret_cast<ProtobufCMessage* const* const*>(bytes + field.offset);
            for (std::size_t k = 0; k < count; ++k)
                for_each_column_ref(items[k], visit);
            continue;
        }
        // A oneof member is only set when the case field names it.
        if ((field.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) != 0 &&
            *reinterpret_cast<const uint32_t*>(bytes + field.quantifier_offset) != field.id) {
            continue;
        }
        for_each_column_ref(*reinterpret_cast<ProtobufCMessage* const*>(bytes + field.offset), visit);
    }
}

}  // namespace drizzle::pg::ddl
