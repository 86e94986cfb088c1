#pragma once

#include <string>
#include <vector>

#include "kube_harden/advise.h"

namespace kube_harden {

struct AdviseCommand {
  std::vector<std::string> paths;
  std::string format = "text";  // text, json or yaml
  AdviseOptions options;
};

// Exit 0, or 2 when an input could not be read or parsed (the rest is still advised on).
int run_advise(const AdviseCommand& command);

}  // namespace kube_harden
