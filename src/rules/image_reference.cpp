#include "rules/image_reference.h"

namespace kube_harden {
namespace {

constexpr std::string_view kDockerHub = "docker.io";

// The alias the Docker CLI rewrites to docker.io.
std::string canonical_registry(std::string_view host) {
  if (host == "index.docker.io") return std::string(kDockerHub);
  return std::string(host);
}

bool is_registry_host(std::string_view segment) {
  return segment.find_first_of(".:") != std::string_view::npos || segment == "localhost";
}

}  // namespace

std::string ImageReference::name() const {
  return registry + "/" + repository;
}

ImageReference parse_image_reference(std::string_view image) {
  ImageReference reference;
  size_t at = image.find('@');
  if (at != std::string_view::npos) {
    reference.digest = std::string(image.substr(at + 1));
    image = image.substr(0, at);
  }
  // A tag follows the last ':' after the last '/'; an earlier ':' is a port.
  size_t slash = image.rfind('/');
  size_t colon = image.rfind(':');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    reference.tag = std::string(image.substr(colon + 1));
    image = image.substr(0, colon);
  }
  size_t first_slash = image.find('/');
  if (first_slash != std::string_view::npos && is_registry_host(image.substr(0, first_slash))) {
    reference.registry = canonical_registry(image.substr(0, first_slash));
    reference.repository = std::string(image.substr(first_slash + 1));
  } else {
    reference.registry = kDockerHub;
    reference.repository = std::string(image);
  }
  // Official Docker Hub images live under library/.
  if (reference.registry == kDockerHub && reference.repository.find('/') == std::string::npos) {
    reference.repository = "library/" + reference.repository;
  }
  return reference;
}

bool image_name_within(std::string_view name, std::string_view allowed) {
  while (allowed.ends_with('/')) allowed.remove_suffix(1);
  size_t slash = allowed.find('/');
  std::string entry = canonical_registry(allowed.substr(0, slash));
  if (slash != std::string_view::npos) entry += allowed.substr(slash);
  if (entry.empty() || !name.starts_with(entry)) return false;
  return name.size() == entry.size() || name[entry.size()] == '/';
}

}  // namespace kube_harden
