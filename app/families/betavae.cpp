// SPDX-License-Identifier: GPL-3.0-or-later
// β-VAE (Higgins et al. 2017): the MLP VAE whose KL term weighs β = 4, with a 4-D code. The price
// of pulling the codes closer to the prior is blurrier digits; what it buys is codes whose
// dimensions tend to follow one way the digits vary each (slant, width, stroke). A preset of the
// MLP VAE's network and trainer, and a family of its own: its runs say so in run.json and reopen as it.
#include "familytools.h"

namespace Families {
const ModelFamily& betaVae();  // listed in familylist.h
}  // namespace Families

const ModelFamily& Families::betaVae() {
  static const ModelFamily family = [] {
    ModelFamily f = FamilyTools::mlpVaeFamily(QStringLiteral("beta-vae-mlp"), QStringLiteral("beta-vae"), false);
    f.name = QT_TRANSLATE_NOOP("ModelFamily", "β-VAE 784→256→2d (BCE + β·KL, β = 4)");
    f.description = QT_TRANSLATE_NOOP("ModelFamily", "The MLP VAE with its KL term weighted four times (Higgins et al. "
                                                     "2017): the codes keep closer to the prior and each of the four "
                                                     "sliders tends to change one thing about the digit (slant, width, "
                                                     "stroke), at the price of blurrier digits. Compare it with the "
                                                     "plain VAE on the Explore page.");
    f.defaults = {30, 128, 1e-3};
    f.options = {FamilyTools::latentOption(4), FamilyTools::betaOption(4.0), FamilyTools::byClassOption()};
    return f;
  }();
  return family;
}
