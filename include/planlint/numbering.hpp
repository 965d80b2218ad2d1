// The numbering styles of section headings (一、 （一） 1. …), shared by the
// grammar, which reads them, and the plan model, which ranks them into levels.
#pragma once

#include <cstdint>

namespace planlint::ast {

/// Numbering styles of section headings. Levels are not fixed per style: the
/// plan builder ranks styles in the order they first appear in a plan.
enum class NumberStyle : std::uint8_t {
  division,      // 第一部分
  chapter,       // 第一章
  part,          // 第一节
  article,       // 第一条
  dun,           // 一、
  paren_cn,      // （一） or (一)
  arabic,        // 1． 1. 1、 1﹒ or "1 "
  paren_arabic,  // （1） (1) 1）
  circled,       // ①
  bare,          // 1突破…: a number with no mark after it, a heading only where such lines run 1, 2, 3…
};

}  // namespace planlint::ast
