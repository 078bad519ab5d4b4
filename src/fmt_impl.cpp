// SPDX-License-Identifier: MIT
// fmt's compiled part, built here from Debian's libfmt-dev headers instead of loaded from
// libfmt.so: that library would load the shared libstdc++ with it, and the binary links
// libstdc++ statically, for start-up time (see CMakeLists.txt). What follows is what fmt's
// own src/format.cc (9.1) instantiates; the rest are format-inl.h's non-template functions.
#include <fmt/format-inl.h>

#if FMT_VERSION / 10000 != 9
#error "This mirrors fmt 9's src/format.cc: check it against the installed fmt's own"
#endif

FMT_BEGIN_NAMESPACE
namespace detail {

template FMT_API auto dragonbox::to_decimal(float x) noexcept -> dragonbox::decimal_fp<float>;
template FMT_API auto dragonbox::to_decimal(double x) noexcept -> dragonbox::decimal_fp<double>;

#ifndef FMT_STATIC_THOUSANDS_SEPARATOR
template FMT_API locale_ref::locale_ref(const std::locale& loc);
template FMT_API auto locale_ref::get<std::locale>() const -> std::locale;
#endif

template FMT_API auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template FMT_API auto decimal_point_impl(locale_ref) -> char;
template FMT_API void buffer<char>::append(const char*, const char*);
template FMT_API void vformat_to(buffer<char>&, string_view,
                                 basic_format_args<FMT_BUFFER_CONTEXT(char)>, locale_ref);

} // namespace detail
FMT_END_NAMESPACE
