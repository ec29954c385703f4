// SPDX-License-Identifier: GPL-3.0-or-later
#include "drawpanel.h"

#include "digitview.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QGridLayout>
#include <QLabel>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>

DrawingCanvas::DrawingCanvas(QWidget* parent) : QWidget(parent), m_drawing(kSide, kSide, QImage::Format_Grayscale8) {
  m_drawing.fill(Qt::black);
  setAcceptDrops(true);
  setCursor(Qt::CrossCursor);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  setToolTip(tr("Draw with the left mouse button, or drop an image file here."));
}

void DrawingCanvas::clear() {
  m_drawing.fill(Qt::black);
  m_blank = true;
  update();
  Q_EMIT drawingChanged();
}

bool DrawingCanvas::setDrawing(const QImage& image) {
  if (image.isNull())
    return false;
  QImage grey = image.convertToFormat(QImage::Format_Grayscale8)
                    .scaled(kSide, kSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
  // Dark ink on light paper (a photo, a scan) becomes light ink on black, like the digits.
  qint64 sum = 0;
  for (int y = 0; y < grey.height(); ++y)
    for (int x = 0; x < grey.width(); ++x)
      sum += grey.constScanLine(y)[x];
  if (sum > qint64(grey.width()) * grey.height() * 128)
    grey.invertPixels();
  m_drawing.fill(Qt::black);
  QPainter p(&m_drawing);
  p.drawImage((kSide - grey.width()) / 2, (kSide - grey.height()) / 2, grey);
  m_blank = false;
  update();
  Q_EMIT drawingChanged();
  return true;
}

void DrawingCanvas::drawStroke(const QVector<QPointF>& points) {
  for (int i = 0; i < points.size(); ++i)
    line(i == 0 ? points[i] : points[i - 1], points[i]);
  Q_EMIT drawingChanged();
}

QRect DrawingCanvas::square() const {
  const int side = std::min(width(), height()) - 2;
  return {(width() - side) / 2, (height() - side) / 2, side, side};
}

QPointF DrawingCanvas::toCanvas(QPointF pos) const {
  const QRect r = square();
  return {(pos.x() - r.left()) * kSide / r.width(), (pos.y() - r.top()) * kSide / r.height()};
}

void DrawingCanvas::line(QPointF from, QPointF to) {
  QPainter p(&m_drawing);
  p.setRenderHint(QPainter::Antialiasing, true);
  p.setPen(QPen(Qt::white, m_penWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
  p.drawLine(from, to);
  m_blank = false;
  update();
}

void DrawingCanvas::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const QRect r = square();
  p.drawImage(r, m_drawing);
  p.setPen(palette().color(QPalette::Mid));
  p.drawRect(r.adjusted(0, 0, -1, -1));
  if (m_blank) {
    p.setPen(QColor(150, 150, 150));
    p.drawText(r, Qt::AlignCenter | Qt::TextWordWrap, tr("Draw a digit here\nor drop an image"));
  }
}

void DrawingCanvas::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton)
    return;
  m_drawingNow = true;
  m_last = toCanvas(event->position());
  line(m_last, m_last);
}

void DrawingCanvas::mouseMoveEvent(QMouseEvent* event) {
  if (!m_drawingNow)
    return;
  const QPointF now = toCanvas(event->position());
  line(m_last, now);
  m_last = now;
}

void DrawingCanvas::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton && std::exchange(m_drawingNow, false))
    Q_EMIT drawingChanged();
}

void DrawingCanvas::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasImage() || event->mimeData()->hasUrls())
    event->acceptProposedAction();
}

void DrawingCanvas::dropEvent(QDropEvent* event) {
  const QMimeData* data = event->mimeData();
  QImage image;
  if (data->hasImage())
    image = qvariant_cast<QImage>(data->imageData());
  else if (data->hasUrls() && !data->urls().isEmpty() && data->urls().first().isLocalFile())
    image = QImage(data->urls().first().toLocalFile());
  if (setDrawing(image))
    event->acceptProposedAction();
}

DrawPanel::DrawPanel(QWidget* parent) : QWidget(parent) {
  m_canvas = new DrawingCanvas(this);
  m_canvas->setObjectName(QStringLiteral("drawingCanvas"));
  m_recon = new DigitView(this);
  m_recon->setObjectName(QStringLiteral("drawingReconstruction"));
  m_recon->setFixedSize(112, 112);
  m_recon->setPlaceholder(tr("nothing drawn yet"));
  m_caption = new QLabel(tr("Draw a digit: the encoder places it on the map (its mean, with the 1σ and 2σ "
                            "ellipses of its posterior) and the sliders jump there."),
                         this);
  m_caption->setObjectName(QStringLiteral("drawingCaption"));
  m_caption->setWordWrap(true);
  auto* clear = new QPushButton(tr("&Clear"), this);
  clear->setObjectName(QStringLiteral("clearDrawingButton"));
  connect(clear, &QPushButton::clicked, m_canvas, &DrawingCanvas::clear);
  m_width = new QSlider(Qt::Horizontal, this);
  m_width->setObjectName(QStringLiteral("penWidthSlider"));
  m_width->setRange(8, 48);
  m_width->setValue(m_canvas->penWidth());
  connect(m_width, &QSlider::valueChanged, m_canvas, &DrawingCanvas::setPenWidth);
  auto* widthLabel = new QLabel(tr("&Pen:"), this);
  widthLabel->setBuddy(m_width);

  auto* tools = new QHBoxLayout;
  tools->addWidget(widthLabel);
  tools->addWidget(m_width, 1);
  tools->addWidget(clear);
  auto* right = new QVBoxLayout;
  right->addWidget(new QLabel(tr("What the model makes of it:"), this));
  right->addWidget(m_recon, 0, Qt::AlignLeft);
  right->addWidget(m_caption, 1);
  auto* grid = new QVBoxLayout(this);
  grid->addWidget(m_canvas, 1);
  grid->addLayout(tools);
  grid->addLayout(right);
}

void DrawPanel::setReconstruction(const QImage& image, const QString& caption) {
  m_recon->setImage(image);
  m_caption->setText(caption);
}

QString DrawPanel::caption() const { return m_caption->text(); }

QImage DrawPanel::reconstruction() const { return m_recon->image(); }
