// A Connection decorator for benchmarks: counts round trips and the time spent waiting for the server.
#pragma once

#include "drizzle/driver/connection.hpp"

#include <chrono>

namespace drizzle::bench {

/// Forwards every call to `inner`, counting them and timing the wait.
class CountingConnection : public Connection {
public:
    using Clock = std::chrono::steady_clock;

    explicit CountingConnection(Connection& inner) : inner_(inner) {}
    Dialect dialect() const override { return inner_.dialect(); }
    void exec(std::string_view sql) override {
        auto start = Clock::now();
        inner_.exec(sql);
        server_time += Clock::now() - start;
        ++round_trips;
    }
    std::vector<Row> query(std::string_view sql, const std::vector<SqlValue>& params) override {
        auto start = Clock::now();
        auto rows = inner_.query(sql, params);
        server_time += Clock::now() - start;
        ++round_trips;
        return rows;
    }
    std::string describe() const override { return inner_.describe(); }

    int round_trips = 0;
    Clock::duration server_time{};

private:
    Connection& inner_;
};

}  // namespace drizzle::bench
