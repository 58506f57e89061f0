// The terminal prompt for rename-or-create questions, worded like drizzle-kit's.
#include "cli/prompt_resolver.hpp"

#include "cli/common.hpp"
#include "util/files.hpp"

#include <iostream>
#include <string>

namespace drizzle::cli {

namespace {
std::string label(const RenameQuestion& q, const std::string& name) {
    return q.kind == RenameQuestion::Kind::column ? q.table + "." + name : name;
}
}  // namespace

std::optional<std::string> PromptResolver::resolve(const RenameQuestion& question) {
    const size_t open_before = answers_.open_questions().size();
    auto answer = answers_.resolve(question);
    if (answers_.open_questions().size() == open_before) return answer;  // the answers had it
    if (!interactive_) {
        open_.push_back(question);
        return std::nullopt;
    }
    const std::string kind = to_string(question.kind);
    const std::string added = label(question, question.name);
    out_ << "\nIs " << added << " " << kind << " created or renamed from another " << kind << "?\n";
    out_ << "  1) + " << added << "  create " << kind << "\n";
    for (size_t i = 0; i < question.candidates.size(); ++i) {
        out_ << "  " << i + 2 << ") ~ " << label(question, question.candidates[i]) << " › " << added << "  rename "
             << kind << "\n";
    }
    for (;;) {
        out_ << "Choice [1]: " << std::flush;
        std::string line;
        if (!std::getline(in_, line)) {
            open_.push_back(question);
            return std::nullopt;
        }
        size_t choice = 1;
        if (!line.empty()) {
            try {
                choice = std::stoul(line);
            } catch (const std::exception&) {
                choice = 0;
            }
        }
        if (choice == 1) {
            out_ << "+ " << added << " " << kind << " will be created\n";
            return std::nullopt;
        }
        if (choice >= 2 && choice < question.candidates.size() + 2) {
            const std::string& from = question.candidates[choice - 2];
            out_ << "~ " << label(question, from) << " › " << added << " " << kind << " will be renamed\n";
            return from;
        }
        out_ << "Please answer a number from 1 to " << question.candidates.size() + 1 << ".\n";
    }
}

PromptResolver& TerminalDecisions::resolver() {
    if (!prompt_) {
        answers_.emplace(answers_file_.empty()
                             ? std::vector<RenameDecision>{}
                             : decisions_from_json(detail::read_file_bytes(answers_file_), answers_file_));
        prompt_.emplace(*answers_, interactive_terminal(), std::cin, std::cout);
    }
    return *prompt_;
}

kit::DecisionSource TerminalDecisions::source() {
    return {[this]() -> Resolver& { return resolver(); }, [this] { return resolver().open_questions(); }};
}

}  // namespace drizzle::cli
