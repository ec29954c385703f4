// SPDX-License-Identifier: GPL-3.0-or-later
#include "registry.h"


// Each family's descriptor, defined in its own file under app/families/ and listed in familylist.h.
namespace Families {
#define GENLAB_FAMILY(name) const ModelFamily& name();
#include "familylist.h"
#undef GENLAB_FAMILY
}  // namespace Families

namespace Registry {

const QList<const ModelFamily*>& all() {
  static const QList<const ModelFamily*> families = {
#define GENLAB_FAMILY(name) &Families::name(),
#include "familylist.h"
#undef GENLAB_FAMILY
  };
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
  const DataSet* d = DataSets::find(dataset);
  return d ? d->kind : DataKind::Images;
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

Status checkClassLabel(int label, int classes) {
  if (label < classes)
    return {};
  return {classes > 0 ? QCoreApplication::translate("ModelFamily", "This run's model knows classes 0 to %1, not %2.")
                            .arg(classes - 1).arg(label)
                      : QCoreApplication::translate("ModelFamily", "This run's model was not trained with the "
                                                                   "classes of its data: it cannot be told one.")};
}
