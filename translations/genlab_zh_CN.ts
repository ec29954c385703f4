<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DatasetSplits</name>
    <message>
        <location filename="../app/datasetsplits.cpp" line="41" />
        <source>%1 holds only one readable image; training needs at least two</source>
        <translation>%1 中只有一张可读的图像；训练至少需要两张</translation>
    </message>
</context>
<context>
    <name>DiffusionSampling</name>
    <message>
        <location filename="../app/diffusionsampling.cpp" line="26" />
        <source>Unknown sampler '%1' (ddpm or ddim).</source>
        <translation>未知采样器“%1”（ddpm 或 ddim）。</translation>
    </message>
    <message>
        <location filename="../app/diffusionsampling.cpp" line="28" />
        <source>DDIM steps must be between 1 and the run's %1 timesteps (got %2).</source>
        <translation>DDIM 步数必须在 1 到该运行的 %1 个时间步之间（得到 %2）。</translation>
    </message>
    <message>
        <location filename="../app/diffusionsampling.cpp" line="30" />
        <source>η must be between 0 and 1 (got %1).</source>
        <translation>η 必须在 0 到 1 之间（得到 %1）。</translation>
    </message>
    <message>
        <location filename="../app/diffusionsampling.cpp" line="32" />
        <source>The number of samples must be between 1 and 100000 (got %1).</source>
        <translation>样本数必须在 1 到 100000 之间（得到 %1）。</translation>
    </message>
    <message>
        <location filename="../app/diffusionsampling.cpp" line="43" />
        <source>%1 is not a diffusion run</source>
        <translation>%1 不是扩散模型的运行</translation>
    </message>
</context>
<context>
    <name>ImageFolder</name>
    <message>
        <location filename="../app/imagefolder.cpp" line="22" />
        <source>%1: no such folder</source>
        <translation>%1：文件夹不存在</translation>
    </message>
    <message>
        <location filename="../app/imagefolder.cpp" line="26" />
        <source>Image size must be 28, 32 or 64 (got %1).</source>
        <translation>图像尺寸必须是 28、32 或 64（当前为 %1）。</translation>
    </message>
    <message>
        <location filename="../app/imagefolder.cpp" line="68" />
        <source>%1: none of the %2 image files could be read (%3)</source>
        <translation>%1：%2 个图像文件都无法读取（%3）</translation>
    </message>
    <message>
        <location filename="../app/imagefolder.cpp" line="70" />
        <source>%1: no JPG or PNG images found (searched sub-folders too)</source>
        <translation>%1：未找到 JPG 或 PNG 图像（已搜索子文件夹）</translation>
    </message>
</context>
<context>
    <name>LatentExplorer</name>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="22" />
        <source>&lt;h2&gt;No trained model yet&lt;/h2&gt;&lt;p&gt;A variational auto-encoder (VAE) learns to squeeze every MNIST digit into a code of two numbers and to draw a digit back from any such code. Once it is trained, two sliders here move through that code and you watch the digits morph into one another.&lt;/p&gt;&lt;p&gt;Training the default model (2-D code, 9,000 digits) takes about a minute; you can explore while it learns.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;还没有训练好的模型&lt;/h2&gt;&lt;p&gt;变分自编码器（VAE）学习把每个 MNIST 数字压缩成两个数的编码，并能从任意这样的编码画回一个数字。训练完成后，这里的两个滑块在编码空间中移动，你会看到数字彼此渐变。&lt;/p&gt;&lt;p&gt;训练默认模型（二维编码，9,000 个数字）大约需要一分钟；训练过程中就可以开始探索。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="31" />
        <source>Train the default VAE</source>
        <translation>训练默认 VAE</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="61" />
        <source>Decoded digit</source>
        <translation>解码出的数字</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="66" />
        <source>z&lt;sub&gt;%1&lt;/sub&gt;</source>
        <translation>z&lt;sub&gt;%1&lt;/sub&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="72" />
        <source>Latent dimension %1, from −3σ to +3σ. Equal travel covers equal probability under the prior N(0, 1).</source>
        <translation>潜在维度 %1，范围 −3σ 到 +3σ。滑块移动相同距离，覆盖先验 N(0, 1) 下相同的概率质量。</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="88" />
        <source>&amp;Horizontal:</source>
        <translation>水平(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="88" />
        <source>&amp;Vertical:</source>
        <translation>垂直(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="100" />
        <source>others at 0</source>
        <translation>其余维度为 0</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="101" />
        <source>others at a random draw</source>
        <translation>其余维度随机抽取</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="102" />
        <source>&amp;Reroll</source>
        <translation>重新抽取(&amp;R)</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="104" />
        <source>A new random draw for the dimensions the sliders do not move.</source>
        <translation>为滑块未控制的维度重新随机抽取。</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="121" />
        <source>Latent space (decoded on a grid; drag to move)</source>
        <translation>潜在空间（在网格上解码；拖动以移动）</translation>
    </message>
    <message>
        <location filename="../widgets/latentexplorer.cpp" line="125" />
        <source>Each cell is the digit the decoder draws at that point; the axes are z&lt;sub&gt;1&lt;/sub&gt; (right) and z&lt;sub&gt;2&lt;/sub&gt; (up), spaced by prior probability.</source>
        <translation>每个格子是解码器在该点画出的数字；坐标轴为 z&lt;sub&gt;1&lt;/sub&gt;（向右）和 z&lt;sub&gt;2&lt;/sub&gt;（向上），按先验概率等间距排列。</translation>
    </message>
</context>
<context>
    <name>LatentPad</name>
    <message>
        <location filename="../widgets/latentpad.cpp" line="12" />
        <source>Click or drag to move both latent dimensions; arrow keys nudge.</source>
        <translation>单击或拖动可同时移动两个潜在维度；方向键微调。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="106" />
        <source>GenLab</source>
        <translation>GenLab</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="117" />
        <source>&amp;Explore</source>
        <translation>探索(&amp;E)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="119" />
        <source>&amp;Diffusion</source>
        <translation>扩散(&amp;D)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="120" />
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="149" />
        <source>A folder of JPG/PNG images (sub-folders are searched too)</source>
        <translation>JPG/PNG 图片文件夹（也会搜索子文件夹）</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="167" />
        <source>loss (BCE) and probability</source>
        <translation>损失（BCE）与概率</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="188" />
        <source>Could not reopen the last model: %1</source>
        <translation>无法重新打开上次的模型：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="197" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="198" />
        <source>&amp;Open run…</source>
        <translation>打开运行(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="199" />
        <source>Open a run folder</source>
        <translation>打开运行目录</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="204" />
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="208" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="210" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="211" />
        <source>Explore</source>
        <translation>探索</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="211" />
        <source>Diffusion</source>
        <translation>扩散</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="211" />
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="216" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="217" />
        <source>&amp;About GenLab</source>
        <translation>关于 GenLab(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="218" />
        <source>About GenLab</source>
        <translation>关于 GenLab</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="219" />
        <source>&lt;b&gt;GenLab %1&lt;/b&gt;&lt;p&gt;A workbench for seeing how generative models work.&lt;/p&gt;&lt;p&gt;LibTorch %2 · Qt %3&lt;/p&gt;</source>
        <translation>&lt;b&gt;GenLab %1&lt;/b&gt;&lt;p&gt;看清生成模型如何工作的工作台。&lt;/p&gt;&lt;p&gt;LibTorch %2 · Qt %3&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="239" />
        <location filename="../app/gui/mainwindow.cpp" line="339" />
        <source>Device: %1 · BLAS: %2 · Threads: %3</source>
        <translation>设备：%1 · BLAS：%2 · 线程：%3</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="272" />
        <source>Cannot open run</source>
        <translation>无法打开运行</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="272" />
        <source>%1 cannot be opened:
%2</source>
        <translation>无法打开 %1：
%2</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="322" />
        <source>The dataset '%1' was not found (looked in %2). Run scripts/setup.sh to install it.</source>
        <translation>未找到数据集“%1”（已查找 %2）。请运行 scripts/setup.sh 安装。</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="354" />
        <source>; choose below which two dimensions the sliders move</source>
        <translation>；请在下方选择滑块控制哪两个维度</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="356" />
        <source>; its codes are not drawn towards N(0, 1), so the sliders span the codes' mean ± 3 standard deviations</source>
        <translation>；它的编码不会被拉向 N(0, 1)，因此滑块覆盖编码的均值 ± 3 个标准差</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="358" />
        <source>; the red dot is the point it makes from the code, drawn over the held-out data (grey)</source>
        <translation>；红点是它由该编码生成的点，画在留出数据（灰色）之上</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="359" />
        <source>Toy GAN generator (MLP)</source>
        <translation>玩具 GAN 生成器（MLP）</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="360" />
        <source>Toy auto-encoder (MLP)</source>
        <translation>玩具自编码器（MLP）</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="361" />
        <source>Toy VAE (MLP, Gaussian likelihood)</source>
        <translation>玩具 VAE（MLP，高斯似然）</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="362" />
        <source>Conv VAE</source>
        <translation>卷积 VAE</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="364" />
        <source>%1 with a %2-D latent code, after %3 training steps%4. Model: %5</source>
        <translation>%2 维潜在编码的%1，已训练 %3 步%4。模型：%5</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="360" />
        <source>Auto-encoder</source>
        <translation>自编码器</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="363" />
        <source>VAE</source>
        <translation>VAE</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="333" />
        <source>Training started…</source>
        <translation>训练已开始……</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="87" />
        <source>total (−ELBO)</source>
        <translation>总计（−ELBO）</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="89" />
        <source>reconstruction</source>
        <translation>重构</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="91" />
        <source>KL</source>
        <translation>KL</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="93" />
        <source>D loss</source>
        <translation>D 损失</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="95" />
        <source>G loss</source>
        <translation>G 损失</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="97" />
        <source>D(x)</source>
        <translation>D(x)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="99" />
        <source>D(G(z))</source>
        <translation>D(G(z))</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="359" />
        <source>DCGAN generator</source>
        <translation>DCGAN 生成器</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="435" />
        <source>Training: epoch %1 of %2, step %3 — the decoder below updates as it learns.</source>
        <translation>训练中：第 %1/%2 轮，第 %3 步——下方的解码器随学习实时更新。</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="446" />
        <source>Training finished; the model is saved in %1</source>
        <translation>训练完成；模型已保存在 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="447" />
        <source>Training stopped; the model so far is saved in %1</source>
        <translation>训练已停止；目前的模型已保存在 %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="47" />
        <source>&lt;h2&gt;Diffusion: watching noise turn into digits&lt;/h2&gt;&lt;p style='max-width:640px'&gt;A diffusion model learns to undo noise. The &lt;b&gt;forward process&lt;/b&gt; blurs an image into pure Gaussian noise over T small steps: x&lt;sub&gt;t&lt;/sub&gt; = √ᾱ&lt;sub&gt;t&lt;/sub&gt;·x&lt;sub&gt;0&lt;/sub&gt; + √(1−ᾱ&lt;sub&gt;t&lt;/sub&gt;)·ε. The &lt;b&gt;reverse process&lt;/b&gt; starts from noise and, step by step, asks a U-Net what the noise ε is and removes a little of it.&lt;/p&gt;&lt;p&gt;This page is where you will scrub through those timesteps of your own diffusion model: the noisy image x&lt;sub&gt;t&lt;/sub&gt;, the network's guess of the clean image x̂&lt;sub&gt;0&lt;/sub&gt; and of the noise, DDPM and DDIM samplers side by side. It arrives with GenLab's diffusion models; until then the Explore and Train pages work with the VAE.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;扩散：看噪声如何变成数字&lt;/h2&gt;&lt;p style='max-width:640px'&gt;扩散模型学习如何去除噪声。&lt;b&gt;前向过程&lt;/b&gt;在 T 个小步骤中把图像逐渐变成纯高斯噪声：x&lt;sub&gt;t&lt;/sub&gt; = √ᾱ&lt;sub&gt;t&lt;/sub&gt;·x&lt;sub&gt;0&lt;/sub&gt; + √(1−ᾱ&lt;sub&gt;t&lt;/sub&gt;)·ε。&lt;b&gt;反向过程&lt;/b&gt;从噪声出发，一步一步地让 U-Net 估计噪声 ε 并去掉一点。&lt;/p&gt;&lt;p&gt;在这个页面上，你将能逐步拖动浏览自己扩散模型的各个时间步：带噪图像 x&lt;sub&gt;t&lt;/sub&gt;、网络对干净图像 x̂&lt;sub&gt;0&lt;/sub&gt; 和噪声的估计，并排比较 DDPM 与 DDIM 采样器。它将随 GenLab 的扩散模型一起到来；在此之前，探索和训练页面使用 VAE。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/runfolder.cpp" line="21" />
        <source>Cannot create the runs folder %1</source>
        <translation>无法创建运行目录 %1</translation>
    </message>
    <message>
        <location filename="../app/runfolder.cpp" line="31" />
        <source>Cannot create a run folder in %1</source>
        <translation>无法在 %1 中创建运行目录</translation>
    </message>
    <message>
        <location filename="../app/runfolder.cpp" line="38" />
        <source>%1 already exists and is not empty; choose a new folder for the run</source>
        <translation>%1 已存在且不为空；请为这次运行选择一个新目录</translation>
    </message>
    <message>
        <location filename="../app/runfolder.cpp" line="42" />
        <source>Cannot create the run folder %1</source>
        <translation>无法创建运行目录 %1</translation>
    </message>
    <message>
        <location filename="../app/runfolder.cpp" line="61" />
        <source>%1: cannot open</source>
        <translation>%1：无法打开</translation>
    </message>
    <message>
        <location filename="../app/runfolder.cpp" line="67" />
        <source>%1: not valid JSON (%2)</source>
        <translation>%1：不是有效的 JSON（%2）</translation>
    </message>
    <message>
        <location filename="../app/runfolder.cpp" line="76" />
        <source>%1: cannot write (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <location filename="../app/runfolder.cpp" line="132" />
        <source>%1 is a diffusion run: it has no latent code to explore. See its denoising with genlab-cli sample %1 --frames 10 --out strip.png</source>
        <translation>%1 是扩散模型的运行：没有可探索的隐编码。用 genlab-cli sample %1 --frames 10 --out strip.png 查看它的去噪过程</translation>
    </message>
    <message>
        <location filename="../app/runfolder.cpp" line="169" />
        <source>%1: not an MLP VAE (decoder.0 / decoder.2 weights missing)</source>
        <translation>%1：不是 MLP VAE（缺少 decoder.0 / decoder.2 权重）</translation>
    </message>
    <message>
        <location filename="../app/runfolder.cpp" line="177" />
        <source>%1: decoder weights have inconsistent shapes</source>
        <translation>%1：解码器权重的形状不一致</translation>
    </message>
</context>
<context>
    <name>RunInspection</name>
    <message>
        <location filename="../app/runinspection.cpp" line="27" />
        <source>%1 is a GAN: it has no likelihood to evaluate on held-out data; look at its samples (genlab-cli sample) instead</source>
        <translation>%1 是 GAN：没有可在留出数据上评估的似然；请查看它的样本（genlab-cli sample）</translation>
    </message>
    <message>
        <location filename="../app/runinspection.cpp" line="35" />
        <source>%1: model kind '%2' cannot be evaluated by this version</source>
        <translation>%1：此版本无法评估模型类型“%2”</translation>
    </message>
    <message>
        <location filename="../app/runinspection.cpp" line="79" />
        <source>%1 holds images of %2 values; the model takes %3</source>
        <translation>%1 中的图像有 %2 个值；模型需要 %3 个</translation>
    </message>
    <message>
        <location filename="../app/runinspection.cpp" line="97" />
        <source>%1 holds %2-pixel images; the model takes %3</source>
        <translation>%1 中的图像有 %2 个像素；模型需要 %3 个</translation>
    </message>
    <message>
        <location filename="../app/runinspection.cpp" line="133" />
        <source>%1 is not on this machine; run scripts/setup.sh</source>
        <translation>本机没有 %1；请运行 scripts/setup.sh</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <location filename="../app/trainingcontroller.cpp" line="20" />
        <source>A training run is already in progress.</source>
        <translation>已有一个训练正在进行。</translation>
    </message>
</context>
<context>
    <name>TrainingCurves</name>
    <message>
        <location filename="../widgets/trainingcurves.cpp" line="22" />
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../widgets/trainingcurves.cpp" line="23" />
        <location filename="../widgets/trainingcurves.cpp" line="77" />
        <source>loss per image (nats)</source>
        <translation>每张图像的损失（nats）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingcurves.cpp" line="29" />
        <source>held-out</source>
        <translation>留出集</translation>
    </message>
    <message>
        <location filename="../widgets/trainingcurves.cpp" line="73" />
        <source>total (−ELBO)</source>
        <translation>总计（−ELBO）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingcurves.cpp" line="73" />
        <source>reconstruction</source>
        <translation>重构</translation>
    </message>
    <message>
        <location filename="../widgets/trainingcurves.cpp" line="73" />
        <source>KL</source>
        <translation>KL</translation>
    </message>
    <message>
        <location filename="../widgets/trainingcurves.cpp" line="33" />
        <source>Logarithmic loss axis</source>
        <translation>损失轴使用对数刻度</translation>
    </message>
    <message>
        <location filename="../widgets/trainingcurves.cpp" line="48" />
        <source>Exponential moving average of the per-step losses; the raw curves stay faded behind.</source>
        <translation>每步损失的指数移动平均；原始曲线以淡色显示在后面。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingcurves.cpp" line="49" />
        <source>&amp;Smoothing:</source>
        <translation>平滑(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>TrainingDashboard</name>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="33" />
        <source>Model and data</source>
        <translation>模型与数据</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="48" />
        <source>MNIST digits</source>
        <translation>MNIST 数字</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="37" />
        <source>VAE (MLP 784→256→2d, seed 003): BCE + KL</source>
        <translation>VAE（MLP 784→256→2d，种子笔记 003）：BCE + KL</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="38" />
        <source>Auto-encoder (same layers; no noise, no KL)</source>
        <translation>自编码器（相同的层；无噪声，无 KL）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="39" />
        <source>Conv VAE (stride-2 convolutions; any image size): BCE + β·KL</source>
        <translation>卷积 VAE（步长 2 的卷积；任意图像尺寸）：BCE + β·KL</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="40" />
        <source>DCGAN (conv generator vs discriminator)</source>
        <translation>DCGAN（卷积生成器对判别器）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="41" />
        <source>DDPM (U-Net of seed 000, T = 1000; images)</source>
        <translation>DDPM（种子 000 的 U-Net，T = 1000；图像）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="42" />
        <source>Toy diffusion (seed 002: MLP, T = 100; toy 2-D points only)</source>
        <translation>玩具扩散模型（种子 002：MLP，T = 100；仅用于玩具二维点）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="43" />
        <source>The auto-encoder has the VAE's layers but a deterministic code: compare how the two fill the latent space (the auto-encoder leaves gaps between its training codes).</source>
        <translation>自编码器与 VAE 的层相同，但编码是确定的：比较两者如何填充潜在空间（自编码器在训练编码之间留下空洞）。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="45" />
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="49" />
        <source>Fashion-MNIST (clothing)</source>
        <translation>Fashion-MNIST（服饰）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="50" />
        <source>Image folder…</source>
        <translation>图片文件夹…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="52" />
        <source>Toy 2-D points: S-curve (seed 002)</source>
        <translation>玩具二维点：S 曲线（种子 002）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="53" />
        <source>Toy 2-D points: swiss roll</source>
        <translation>玩具二维点：瑞士卷</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="54" />
        <source>Toy 2-D points: two moons</source>
        <translation>玩具二维点：双月</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="55" />
        <source>Toy 2-D points: 8 Gaussians</source>
        <translation>玩具二维点：8 个高斯</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="56" />
        <source>Toy 2-D points: rings</source>
        <translation>玩具二维点：圆环</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="57" />
        <source>&amp;Dataset:</source>
        <translation>数据集(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="64" />
        <source>%1 × %1 px</source>
        <translation>%1 × %1 像素</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="67" />
        <source>grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="68" />
        <source>colour (RGB)</source>
        <translation>彩色（RGB）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="71" />
        <source>Images:</source>
        <translation>图像：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="73" />
        <source>Each image is centre-cropped to a square and resized.</source>
        <translation>每张图像先居中裁剪为正方形，再缩放。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="93" />
        <source>Hyperparameters</source>
        <translation>超参数</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="98" />
        <source>&amp;Epochs:</source>
        <translation>轮数(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="102" />
        <source>&amp;Batch size:</source>
        <translation>批大小(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="108" />
        <source>&amp;Learning rate (Adam):</source>
        <translation>学习率（Adam）(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="114" />
        <source>Weight of the KL term: 1 is the ELBO; larger (β-VAE) pulls the codes towards the prior and blurs the digits, smaller sharpens them and leaves gaps.</source>
        <translation>KL 项的权重：1 即 ELBO；更大（β-VAE）会把编码拉向先验并使数字变模糊，更小则更清晰但会留下空洞。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="116" />
        <source>β (&amp;KL weight):</source>
        <translation>β（KL 权重）(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="122" />
        <source>Dimension d of the latent code. With d = 2 the Explore page shows the whole latent space.</source>
        <translation>潜在编码的维度 d。d = 2 时，探索页面能展示整个潜在空间。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="123" />
        <source>Latent &amp;dimension:</source>
        <translation>潜在维度(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="127" />
        <source>&amp;Seed:</source>
        <translation>随机种子(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="131" />
        <source>LibTorch threads used by training. Leaving one core free keeps the window responsive while it trains; using all cores trains faster but the window may stutter.</source>
        <translation>训练使用的 LibTorch 线程数。留出一个核心可让窗口在训练时保持流畅；使用全部核心训练更快，但窗口可能卡顿。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="133" />
        <source>&amp;Threads:</source>
        <translation>线程(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="135" />
        <source>&amp;Start training</source>
        <translation>开始训练(&amp;S)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="138" />
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="147" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="153" />
        <source>epoch %1/%2</source>
        <translation>第 %1/%2 轮</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="157" />
        <source>Speed:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="160" />
        <source>Elapsed:</source>
        <translation>已用时间：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="163" />
        <source>Remaining:</source>
        <translation>剩余时间：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="167" />
        <source>Mean negative ELBO on the 1,000 held-out digits after each epoch (lower is better).</source>
        <translation>每轮结束后在 1,000 个留出数字上的平均负 ELBO（越低越好）。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="168" />
        <location filename="../widgets/trainingdashboard.cpp" line="281" />
        <source>Held-out −ELBO:</source>
        <translation>留出集 −ELBO：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="174" />
        <source>Run folder:</source>
        <translation>运行目录：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="251" />
        <source>Image folder: %1</source>
        <translation>图片文件夹：%1</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="262" />
        <source>No folder chosen.</source>
        <translation>尚未选择文件夹。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="266" />
        <source>Generated: 10,000 training points and 2,000 held out, the same on every machine. Trains the VAE, auto-encoder or GAN as small MLPs; samples are drawn as a scatter plot.</source>
        <translation>生成的数据：10,000 个训练点和 2,000 个留出点，在每台机器上都相同。VAE、自编码器或 GAN 以小型 MLP 训练；样本画成散点图。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="271" />
        <source>Not found on this machine. Run scripts/setup.sh to install it.</source>
        <translation>本机未找到。请运行 scripts/setup.sh 安装。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="279" />
        <source>Held-out reconstruction:</source>
        <translation>留出集重构：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="280" />
        <source>Held-out loss:</source>
        <translation>留出集损失：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="283" />
        <source>none: a GAN has no likelihood; watch D(x) and D(G(z)) and the samples</source>
        <translation>无：GAN 没有似然；请观察 D(x)、D(G(z)) 和样本</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="307" />
        <source>epoch %1/%2 · step %3/%4</source>
        <translation>第 %1/%2 轮 · 第 %3/%4 步</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="308" />
        <source>%L1 samples/s</source>
        <translation>%L1 样本/秒</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="310" />
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="315" />
        <source>%1 nats after epoch %2</source>
        <translation>第 %2 轮后 %1 nats</translation>
    </message>
    <message>
        <location filename="../widgets/trainingdashboard.cpp" line="317" />
        <source>%1 nats after epoch %2 (reconstruction %3 + KL %4)</source>
        <translation>第 %2 轮后 %1 nats（重构 %3 + KL %4）</translation>
    </message>
</context>
<context>
    <name>TrainingSettings</name>
    <message>
        <location filename="../app/trainingtypes.cpp" line="17" />
        <source>A GAN needs batches of at least 2 images (batch norm), got %1.</source>
        <translation>GAN 的批大小至少为 2（批归一化需要），当前为 %1。</translation>
    </message>
    <message>
        <location filename="../app/trainingtypes.cpp" line="15" />
        <source>Unknown model '%1' (%2).</source>
        <translation>未知模型“%1”（%2）。</translation>
    </message>
    <message>
        <location filename="../app/trainingtypes.cpp" line="21" />
        <source>Unknown dataset '%1' (mnist, fashion-mnist, toy:NAME or folder:PATH).</source>
        <translation>未知数据集“%1”（mnist、fashion-mnist、toy:名称 或 folder:路径）。</translation>
    </message>
    <message>
        <location filename="../app/trainingtypes.cpp" line="23" />
        <source>The toy 2-D sets are points, not images: train a vae, ae, gan or toy-diffusion on them (not %1).</source>
        <translation>玩具二维数据集是点而不是图像：请在上面训练 vae、ae、gan 或 toy-diffusion（而不是 %1）。</translation>
    </message>
    <message>
        <location filename="../app/trainingtypes.cpp" line="26" />
        <source>toy-diffusion is seed 002's model for 2-D points: choose a toy:NAME dataset.</source>
        <translation>toy-diffusion 是种子 002 的二维点模型：请选择 toy:名称 数据集。</translation>
    </message>
    <message>
        <location filename="../app/trainingtypes.cpp" line="28" />
        <source>Image size must be 28, 32 or 64 (got %1).</source>
        <translation>图像尺寸必须是 28、32 或 64（当前为 %1）。</translation>
    </message>
    <message>
        <location filename="../app/trainingtypes.cpp" line="30" />
        <source>Epochs must be between 1 and 10000 (got %1).</source>
        <translation>轮数必须在 1 到 10000 之间（当前为 %1）。</translation>
    </message>
    <message>
        <location filename="../app/trainingtypes.cpp" line="32" />
        <source>Batch size must be between 1 and 8192 (got %1).</source>
        <translation>批大小必须在 1 到 8192 之间（当前为 %1）。</translation>
    </message>
    <message>
        <location filename="../app/trainingtypes.cpp" line="34" />
        <source>Learning rate must be above 0 and at most 1 (got %1).</source>
        <translation>学习率必须大于 0 且不超过 1（当前为 %1）。</translation>
    </message>
    <message>
        <location filename="../app/trainingtypes.cpp" line="36" />
        <source>β must be between 0 and 1000 (got %1).</source>
        <translation>β 必须在 0 到 1000 之间（当前为 %1）。</translation>
    </message>
    <message>
        <location filename="../app/trainingtypes.cpp" line="38" />
        <source>Latent dimension must be between 1 and 128 (got %1).</source>
        <translation>潜在维度必须在 1 到 128 之间（当前为 %1）。</translation>
    </message>
    <message>
        <location filename="../app/trainingtypes.cpp" line="41" />
        <source>Threads must be between 1 and %1 (got %2).</source>
        <translation>线程数必须在 1 到 %1 之间（当前为 %2）。</translation>
    </message>
    <message>
        <location filename="../app/trainingtypes.cpp" line="45" />
        <source>Unknown toy set '%1' (s-curve, swiss-roll, moons, 8-gaussians or rings).</source>
        <translation>未知玩具数据集“%1”（s-curve、swiss-roll、moons、8-gaussians 或 rings）。</translation>
    </message>
    <message>
        <location filename="../app/trainingtypes.cpp" line="47" />
        <source>The data folder '%1' does not exist. Run scripts/setup.sh to import the MNIST digits.</source>
        <translation>数据目录“%1”不存在。请运行 scripts/setup.sh 导入 MNIST 数字。</translation>
    </message>
    <message>
        <location filename="../app/trainingtypes.cpp" line="50" />
        <source>No folder for runs is set.</source>
        <translation>未设置运行目录。</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <location filename="../app/trainingworker.cpp" line="37" />
        <location filename="../app/trainingworker.cpp" line="39" />
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <location filename="../app/trainingworker.cpp" line="52" />
        <source>run.json: model kind '%1' cannot be resumed by this version</source>
        <translation>run.json：此版本无法继续训练模型类型“%1”</translation>
    </message>
    <message>
        <location filename="../app/trainingworker.cpp" line="71" />
        <source>the run has already trained %1 of %2 epochs; ask for more epochs to continue</source>
        <translation>该运行已训练 %2 轮中的 %1 轮；如需继续，请指定更多轮数</translation>
    </message>
    <message>
        <location filename="../app/trainingworker.cpp" line="152" />
        <source>Cannot resume %1: %2</source>
        <translation>无法继续 %1：%2</translation>
    </message>
</context>
</TS>