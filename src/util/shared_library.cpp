#include "kpi/util/shared_library.hpp"

#include <dlfcn.h>

namespace kpi::util {

SharedLibrary::SharedLibrary(const char* soname) : soname_(soname) {
  // Never closed: its functions are kept in tables for the rest of the run.
  handle_ = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (handle_ == nullptr) {
    const char* why = ::dlerror();
    error_ = std::string(soname) + " cannot be loaded (" + (why ? why : "no reason given") +
             "): install its Debian package";
  }
}

void* SharedLibrary::address(const char* name) {
  if (handle_ == nullptr) return nullptr;
  void* found = ::dlsym(handle_, name);
  if (found == nullptr && error_.empty())
    error_ = std::string(soname_) + " has no function " + name + ": a version too old";
  return found;
}

}  // namespace kpi::util
