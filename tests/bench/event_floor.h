#pragma once

// What both benchmark programs need to measure yaml-cpp's event parser alone.

#include <yaml-cpp/eventhandler.h>

#include <cstddef>
#include <streambuf>
#include <string>

namespace kube_harden::bench {

// Takes every event and builds nothing: the floor of any design on yaml-cpp.
class NullHandler : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override { ++documents; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
  size_t documents = 0;
};

// Lets yaml-cpp read a string without a copy, as the linter's loader does.
class ViewStreamBuffer : public std::streambuf {
 public:
  explicit ViewStreamBuffer(const std::string& text) {
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

}  // namespace kube_harden::bench
