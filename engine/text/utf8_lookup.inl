// The lookup algorithm of Keiser and Lemire, "Validating UTF-8 in less than
// one instruction per byte" (Software: Practice and Experience, 2021), written
// once for every vector width. utf8.cpp includes this file once per
// instruction set, inside a namespace that provides, compiled for that set:
//
//   Table                     sixteen bytes, an entry for each value of a nibble
//   Reg, kWidth               a vector register and its width in bytes
//   zero(), splat(b), load(p) a register of zeros, of b, or of kWidth bytes at p
//   subs(a, b)                a - b for each byte, unsigned, stopping at 0
//   equal(a, b)               FF where the bytes are equal
//   high_nibbles(v)           each byte's top four bits, as 0-15
//   lookup(table, v)          the table's entry for each byte of v (0-15)
//   before<N>(v, previous)    the bytes N places back, across from `previous`
//   all_ascii(v), none(v)     no byte has its top bit set; no bit is set
//
// The bitwise operators (|, &, ^) work on registers as on integers (a GCC
// vector extension). Nothing here includes a header: it is compiled in the
// includer's namespace and instruction set.
//
// Every error but a missing continuation shows in the first two bytes of a
// sequence: three tables, indexed by the high and low nibble of the byte
// before and the high nibble of the byte itself, each give the set of errors
// that nibble allows, and an error is one that all three allow. A
// continuation where none is due (or none where one is) is found from the
// two and three bytes before.

constexpr std::uint8_t kTooShort = 1 << 0;      // lead, then no continuation
constexpr std::uint8_t kTooLong = 1 << 1;       // ASCII, then a continuation
constexpr std::uint8_t kOverlong3 = 1 << 2;     // E0, then 80–9F
constexpr std::uint8_t kTooLarge = 1 << 3;      // F4 90 and above
constexpr std::uint8_t kSurrogate = 1 << 4;     // ED, then A0–BF
constexpr std::uint8_t kOverlong2 = 1 << 5;     // C0 or C1
constexpr std::uint8_t kTooLarge1000 = 1 << 6;  // F5 80 and above
constexpr std::uint8_t kOverlong4 = 1 << 6;     // F0, then 80–8F
constexpr std::uint8_t kTwoConts = 1 << 7;      // a continuation after a continuation
constexpr std::uint8_t kCarry = kTooShort | kTooLong | kTwoConts;

constexpr Table kByte1High{{
    kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong,  // 0___
    kTwoConts, kTwoConts, kTwoConts, kTwoConts,                                      // 10__
    kTooShort | kOverlong2,                                                          // 1100
    kTooShort,                                                                       // 1101
    kTooShort | kOverlong3 | kSurrogate,                                             // 1110
    kTooShort | kTooLarge | kTooLarge1000 | kOverlong4,                              // 1111
}};

constexpr Table kByte1Low{{
    kCarry | kOverlong3 | kOverlong2 | kOverlong4,  // ____0000
    kCarry | kOverlong2,                            // ____0001
    kCarry, kCarry,                                 // ____001_
    kCarry | kTooLarge,                             // ____0100
    kCarry | kTooLarge | kTooLarge1000,             // ____0101
    kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
    kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,  // ____1___
    kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
    kCarry | kTooLarge | kTooLarge1000,
    kCarry | kTooLarge | kTooLarge1000 | kSurrogate,  // ____1101
    kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
}};

constexpr Table kByte2High{{
    kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort,  // 0___
    kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge1000 | kOverlong4,             // 1000
    kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge,                              // 1001
    kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge,                              // 101_
    kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge,
    kTooShort, kTooShort, kTooShort, kTooShort,  // 11__
}};

struct Checker {
  Reg error = zero();
  Reg previous = zero();    // the block before
  Reg incomplete = zero();  // it ends inside a sequence
  Reg limits;               // above these, a last byte leaves a sequence open

  Checker() {
    // Open at the end: a lead of four bytes in the last three, of three in
    // the last two, of two in the last one.
    std::uint8_t bytes[kWidth];
    std::memset(bytes, 0xFF, kWidth);
    bytes[kWidth - 3] = 0xF0 - 1;
    bytes[kWidth - 2] = 0xE0 - 1;
    bytes[kWidth - 1] = 0xC0 - 1;
    limits = load(bytes);
  }

  void step(Reg input) {
    error |= equal(input, zero());  // NUL
    if (all_ascii(input)) {  // only a sequence left open before can be wrong
      error |= incomplete;
      previous = input;
      return;
    }
    const Reg prev1 = before<1>(input, previous);
    const Reg special = lookup(kByte1High, high_nibbles(prev1)) & lookup(kByte1Low, prev1 & splat(0x0F)) &
                        lookup(kByte2High, high_nibbles(input));
    // A continuation is due where the byte two before is a lead of three or
    // four bytes (E0 and up), or the byte three before one of four (F0 and
    // up): only those bytes keep their top bit after these subtractions.
    const Reg third = subs(before<2>(input, previous), splat(0xE0 - 0x80));
    const Reg fourth = subs(before<3>(input, previous), splat(0xF0 - 0x80));
    const Reg due = (third | fourth) & splat(0x80);
    error |= due ^ special;
    incomplete = subs(input, limits);
    previous = input;
  }
};

bool valid(const std::uint8_t* p, std::size_t n) {
  Checker check;
  std::size_t i = 0;
  for (; i + kWidth <= n; i += kWidth) check.step(load(p + i));
  if (i < n) {
    // The last bytes, padded with spaces: a sequence they leave open meets a
    // space and is too short.
    std::uint8_t last[kWidth];
    std::memset(last, ' ', kWidth);
    std::memcpy(last, p + i, n - i);
    check.step(load(last));
  }
  return none(check.error | check.incomplete);
}
