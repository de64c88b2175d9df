#pragma once

#include <QString>

namespace ibc::models {

enum class PostcodeVerdict { Valid, Missing, Invalid };

struct PostcodeCheck {
    PostcodeVerdict verdict = PostcodeVerdict::Missing;
    QString normalised; // valid: the canonical form, "SW1A 1AA"; otherwise upper case without spaces
    QString problem;    // a sentence saying what is wrong, translated; empty when valid
};

// Checks the form of a UK postcode (BS 7666, as Royal Mail issues them): an outward code in one of
// six shapes, A9, A99, A9A, AA9, AA99 or AA9A, then an inward code 9AA; and GIR 0AA. Case and
// spaces are ignored ("sw1a1aa" is SW1A 1AA). The letters follow Royal Mail's rules: never Q, V
// or X first; never I, J or Z second; after the district number of A9A only A–H, J, K, P, S, T, U
// and W, and of AA9A only A, B, E, H, M, N, P, R, V, W, X and Y; never C, I, K, M, O or V in the
// inward code. It says whether a postcode could exist, not whether it does.
PostcodeCheck checkPostcode(const QString &text);

} // namespace ibc::models
