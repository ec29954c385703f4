// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a student sees on a 1280×800 laptop, checked on the widgets shown now: the window fits, no
// button's text is cut, no label shows a literal '&', no two visible controls share a mnemonic.
// Header-only: each GUI test includes it and calls LAYOUT_OK(window) at the states it reaches.

#include <QAbstractButton>
#include <QApplication>
#include <QGroupBox>
#include <QHash>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStringList>
#include <QTabBar>
#include <QTest>
#include <QTextDocument>
#include <QLocale>
#include <QTranslator>

namespace LayoutCheck {

/// The letter after a single '&' (lower case), or 0.
inline QChar mnemonicOf(const QString& text) {
  for (int i = 0; i + 1 < text.size(); ++i)
    if (text.at(i) == QLatin1Char('&')) {
      if (text.at(i + 1) == QLatin1Char('&')) {
        ++i;
        continue;
      }
      return text.at(i + 1).toLower();
    }
  return QChar();
}

/// Whether a plain-text label shows an '&' that is neither "&&" nor a mnemonic of its buddy.
inline bool showsLiteralAmpersand(const QLabel* label) {
  const QString text = label->text();
  if (label->buddy() || !text.contains(QLatin1Char('&')))
    return false;
  if (label->textFormat() == Qt::RichText || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(text)))
    return false;  // "&amp;" and entities are the author's choice there
  return !QString(text).replace(QStringLiteral("&&"), QString()).isEmpty() &&
         QString(text).replace(QStringLiteral("&&"), QString()).contains(QLatin1Char('&'));
}

inline QString nameOf(const QWidget* w) {
  const QString name = w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className()) : w->objectName();
  return name;
}

/// Where the width (or height) goes: from `w` down, the child that needs the most at each level.
inline QString widestChain(QWidget* w, bool height = false) {
  const auto need = [height](QWidget* x) {
    const QSize least = x->minimumSizeHint().expandedTo(x->minimumSize());
    return height ? least.height() : least.width();
  };
  QStringList chain;
  while (w) {
    chain << QStringLiteral("%1 %2").arg(nameOf(w)).arg(need(w));
    QWidget* widest = nullptr;
    for (QWidget* c : w->findChildren<QWidget*>(Qt::FindDirectChildrenOnly))
      if ((!c->isHidden() || qobject_cast<QStackedWidget*>(w)) && !c->isWindow() && (!widest || need(c) > need(widest)))
        widest = c;
    w = widest;
  }
  return chain.join(QStringLiteral(" > "));
}

/// Everything wrong with what `window` shows now; empty when nothing is.
inline QStringList problems(QWidget* window, QSize screen = QSize(1280, 800)) {
  QStringList out;
  // A layout change travels up in posted events, one level a round, and a page's scroll area
  // follows its page's new minimum a moment later: wait until the pages keep their sizes.
  const auto pageSizes = [window] {
    QList<QSize> sizes;
    for (QScrollArea* page : window->findChildren<QScrollArea*>(QStringLiteral("pageScroll")))
      sizes << (page->widget() ? page->widget()->size() : QSize());
    return sizes;
  };
  QList<QSize> before = pageSizes();
  for (int round = 0, still = 0; round < 40 && still < 3; ++round) {
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QTest::qWait(10);
    const QList<QSize> now = pageSizes();
    still = now == before ? still + 1 : 0;
    before = now;
  }
  const QSize least = window->minimumSizeHint().expandedTo(window->minimumSize());
  if (least.width() > screen.width() || least.height() > screen.height())
    out << QStringLiteral("the window needs at least %1×%2, more than %3×%4")
               .arg(least.width()).arg(least.height()).arg(screen.width()).arg(screen.height()) +
           QStringLiteral(" (%1)").arg(widestChain(window, least.height() > screen.height()));
  if (window->width() > screen.width() || window->height() > screen.height())
    out << QStringLiteral("the window grew to %1×%2").arg(window->width()).arg(window->height());
  // The pages, and the Train page's settings, scroll only on a screen smaller than a 1280×800 laptop's.
  if (screen.width() >= 1280 && screen.height() >= 800)
    for (QScrollArea* page : window->findChildren<QScrollArea*>())
      if ((page->objectName() == QLatin1String("pageScroll") || page->objectName() == QLatin1String("settingsScroll")) &&
          page->isVisible() && page->widget() &&
          (page->horizontalScrollBar()->isVisible() || page->verticalScrollBar()->isVisible()))
        out << QStringLiteral("page %1 scrolls: it is %2×%3 in a view of %4×%5 (%6)")
                   .arg(nameOf(page->widget()))
                   .arg(page->widget()->width()).arg(page->widget()->height())
                   .arg(page->viewport()->width()).arg(page->viewport()->height())
                   .arg(widestChain(page->widget(), page->verticalScrollBar()->isVisible()));
  // A scroll area that never scrolls sideways must be as wide as its content needs.
  for (QScrollArea* area : window->findChildren<QScrollArea*>())
    if (area->isVisible() && area->widget() && area->horizontalScrollBarPolicy() == Qt::ScrollBarAlwaysOff &&
        area->widget()->minimumSizeHint().width() > area->viewport()->width())
      out << QStringLiteral("%1 cuts its content on the right: it needs %2 px, the view is %3 (%4)")
                 .arg(nameOf(area))
                 .arg(area->widget()->minimumSizeHint().width())
                 .arg(area->viewport()->width())
                 .arg(widestChain(area->widget()));
  QHash<QChar, QStringList> mnemonics;
  auto addMnemonic = [&](const QString& text, const QString& who) {
    if (const QChar m = mnemonicOf(text); !m.isNull())
      mnemonics[m] << who;
  };
  for (QAbstractButton* b : window->findChildren<QAbstractButton*>()) {
    if (!b->isVisible() || b->text().isEmpty() || qobject_cast<QTabBar*>(b->parentWidget()))
      continue;
    if (b->width() + 1 < b->sizeHint().width())
      out << QStringLiteral("button '%1' (%2) is %3 px wide, its text needs %4")
                 .arg(b->text(), nameOf(b)).arg(b->width()).arg(b->sizeHint().width());
    addMnemonic(b->text(), QStringLiteral("button '%1'").arg(b->text()));
  }
  for (QLabel* l : window->findChildren<QLabel*>()) {
    if (!l->isVisible())
      continue;
    if (showsLiteralAmpersand(l))
      out << QStringLiteral("label '%1' (%2) shows a literal &").arg(l->text(), nameOf(l));
    if (l->buddy())
      addMnemonic(l->text(), QStringLiteral("label '%1'").arg(l->text()));
  }
  for (QGroupBox* g : window->findChildren<QGroupBox*>())
    if (g->isVisible() && g->isCheckable())
      addMnemonic(g->title(), QStringLiteral("group '%1'").arg(g->title()));
  for (QTabBar* bar : window->findChildren<QTabBar*>())
    if (bar->isVisible())
      for (int i = 0; i < bar->count(); ++i)
        addMnemonic(bar->tabText(i), QStringLiteral("tab '%1'").arg(bar->tabText(i)));
  if (auto* main = qobject_cast<QMainWindow*>(window); main && main->menuBar()->isVisible())
    for (QAction* a : main->menuBar()->actions())
      addMnemonic(a->text(), QStringLiteral("menu '%1'").arg(a->text()));
  for (auto it = mnemonics.cbegin(); it != mnemonics.cend(); ++it)
    if (it->size() > 1)
      out << QStringLiteral("Alt+%1 is shared by %2").arg(it.key().toUpper(), it->join(QStringLiteral(", ")));
  return out;
}

/// The application's translation for the system's language installed while it lives (construct
/// it before the widgets): the suite's zh_CN pass then checks the pages in Chinese, the C pass in
/// English. Nothing happens where GenLab has no translation for the language.
class SystemLanguage {
 public:
  SystemLanguage() {
    if (m_translator.load(QLocale(), QStringLiteral("genlab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
      m_installed = QCoreApplication::installTranslator(&m_translator);
  }
  ~SystemLanguage() {
    if (m_installed)
      QCoreApplication::removeTranslator(&m_translator);
  }
  Q_DISABLE_COPY_MOVE(SystemLanguage)
  bool installed() const { return m_installed; }

 private:
  QTranslator m_translator;
  bool m_installed = false;
};

}  // namespace LayoutCheck

/// Fails the test with every layout problem of `window` as it is shown now.
#define LAYOUT_OK(window)                                                                     \
  do {                                                                                        \
    const QStringList layoutProblems_ = LayoutCheck::problems(window);                        \
    QVERIFY2(layoutProblems_.isEmpty(), qPrintable(layoutProblems_.join(QStringLiteral("; ")))); \
  } while (false)
