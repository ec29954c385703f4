// SPDX-License-Identifier: GPL-3.0-or-later
#include "registry.h"


// Each family's descriptor, defined in its own file under app/families/.
namespace Families {
const ModelFamily& mlpVae();          // mlpvae.cpp
const ModelFamily& autoencoder();     // mlpvae.cpp
const ModelFamily& convVae();         // convvae.cpp
const ModelFamily& dcgan();           // dcgan.cpp
const ModelFamily& ddpm();            // ddpm.cpp
const ModelFamily& pixelCnn();        // pixelcnn.cpp
const ModelFamily& pixelRnn();        // pixelrnn.cpp
const ModelFamily& toyVae();          // toyplayground.cpp
const ModelFamily& toyAutoencoder();  // toyplayground.cpp
const ModelFamily& toyGan();          // toyplayground.cpp
const ModelFamily& toyDiffusion();    // toydiffusion.cpp
}  // namespace Families

namespace Registry {

const QList<const ModelFamily*>& all() {
  // One line per family: a new family adds its file under app/families/ and one line here.
  static const QList<const ModelFamily*> families = [] {
    QList<const ModelFamily*> list;
    list << &Families::mlpVae() << &Families::autoencoder() << &Families::convVae() << &Families::dcgan()
         << &Families::ddpm() << &Families::pixelCnn() << &Families::pixelRnn() << &Families::toyVae() << &Families::toyAutoencoder() << &Families::toyGan()
         << &Families::toyDiffusion();
    return list;
  }();
  return families;
}

const ModelFamily* find(const QString& id) {
  for (const ModelFamily* f : all())
    if (f->id == id)
      return f;
  return nullptr;
}

const ModelFamily* firstWith(const std::function<bool(const ModelFamily&)>& wanted) {
  for (const ModelFamily* f : all())
    if (wanted(*f))
      return f;
  return nullptr;
}

DataKind dataKindOf(const QString& dataset) {
  return dataset.startsWith(QLatin1String("toy:")) ? DataKind::Points : DataKind::Images;
}

const ModelFamily* resolve(const QString& option, const QString& dataset) {
  if (const ModelFamily* f = find(option))
    return f;
  const DataKind data = dataKindOf(dataset);
  for (const ModelFamily* f : all())
    if ((f->option == option || option.isEmpty()) && f->data == data)
      return f;
  return nullptr;
}

QStringList options() {
  QStringList out;
  for (const ModelFamily* f : all())
    if (!out.contains(f->option))
      out << f->option;
  return out;
}

}  // namespace Registry
