// Include once, after the schema headers, to make a schema exporter program (the CLI does this).
#pragma once

#include "drizzle/dsl/registry.hpp"

#include <iostream>

int main() { return drizzle::dsl::run_exporter(std::cout, std::cerr); }
