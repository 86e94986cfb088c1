#pragma once

#include <string>
#include <string_view>

namespace kube_harden {

// An image reference read the way container runtimes read it: `nginx` is
// docker.io/library/nginx, and the first segment is a registry host only when
// it has a '.' or a ':' or is `localhost`.
struct ImageReference {
  std::string registry;    // e.g. docker.io, registry.example.com:5000
  std::string repository;  // e.g. library/nginx, my-org/web
  std::string tag;         // empty when none
  std::string digest;      // e.g. sha256:0123..., empty when none

  // registry/repository, e.g. docker.io/library/nginx.
  std::string name() const;
};

ImageReference parse_image_reference(std::string_view image);

// Whether `name` (registry/repository) is `allowed` or below it: an entry is a
// host or a host/path prefix and matches at segment boundaries, so
// ghcr.io/my-org allows ghcr.io/my-org/web but not ghcr.io/my-org-fork/web.
bool image_name_within(std::string_view name, std::string_view allowed);

}  // namespace kube_harden
