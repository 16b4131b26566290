#pragma once
// An OutputSink that keeps files in memory: for tests and `check`.
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "core/output.h"

namespace chuxin {

class MemoryOutput : public OutputSink {
public:
    void write(const std::string& rel_path, std::string_view bytes) override {
        std::lock_guard lock(mutex_);
        files_[rel_path] = std::string(bytes);
    }
    void copy(const std::string& rel_path, const std::string& source) override {
        std::ifstream in(source, std::ios::binary);
        std::ostringstream buf;
        buf << in.rdbuf();
        write(rel_path, buf.str());
    }
    const std::map<std::string, std::string>& files() const { return files_; }
    bool has(const std::string& p) const { return files_.count(p) > 0; }
    const std::string& at(const std::string& p) const { return files_.at(p); }

private:
    std::mutex mutex_;
    std::map<std::string, std::string> files_;
};

}  // namespace chuxin
