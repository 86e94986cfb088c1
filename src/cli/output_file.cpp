#include "cli/output_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace kube_harden {

namespace fs = std::filesystem;

std::string write_output_file(const std::string& path,
                              const std::function<void(std::ostream&)>& write) {
  std::error_code error;
  fs::file_status status = fs::status(path, error);
  bool special = !error && fs::exists(status) && !fs::is_regular_file(status);
  if (special) {
    std::ofstream out(path, std::ios::binary);
    if (!out) return "cannot open " + path + ": " + std::strerror(errno);
    write(out);
    out.flush();
    return out ? "" : "cannot write " + path;
  }
  std::string temporary = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return "cannot create " + temporary + ": " + std::strerror(errno);
    write(out);
    out.flush();
    if (!out) {
      fs::remove(temporary, error);
      return "cannot write " + temporary;
    }
  }
  fs::rename(temporary, path, error);
  if (error) {
    fs::remove(temporary, error);
    return "cannot replace " + path + ": " + error.message();
  }
  return "";
}

}  // namespace kube_harden
