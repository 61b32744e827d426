// fmt's compiled part, from Debian's libfmt-dev headers, for the build that links it into the
// program (KPI_STATIC_RUNTIME, CMakeLists.txt): format-inl.h defines the functions the other
// files call, and the templates those files declare `extern` (format.h) are instantiated
// here, as fmt 9's own src/format.cc does. Only the char instantiations: nothing formats
// wide strings. The shared-library build links libfmt instead and does not compile this file.
#include <fmt/format-inl.h>

#if FMT_VERSION / 10000 != 9
#error "fmt 9 expected: configure with -DKPI_STATIC_RUNTIME=OFF"
#endif

FMT_BEGIN_NAMESPACE
namespace detail {

template auto dragonbox::to_decimal(float x) noexcept -> dragonbox::decimal_fp<float>;
template auto dragonbox::to_decimal(double x) noexcept -> dragonbox::decimal_fp<double>;
template locale_ref::locale_ref(const std::locale& loc);
template auto locale_ref::get<std::locale>() const -> std::locale;
template auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template auto decimal_point_impl(locale_ref) -> char;
template void buffer<char>::append(const char*, const char*);
template void vformat_to(buffer<char>&, string_view, basic_format_args<FMT_BUFFER_CONTEXT(char)>,
                         locale_ref);

}  // namespace detail
FMT_END_NAMESPACE
