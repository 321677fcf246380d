// What `actlab` says to a person, in English and Simplified Chinese, by id: results, errors and
// the words of the text tables. Usage texts live beside each command. `{name}` is a value; user
// text is quoted in the template ('…' in English, “…” in Chinese). Machine-readable output
// (--json) and numbers are data and never pass through here.
import type { UiLanguage } from '../core/locale';

export const CLI_MESSAGES = {
  // actlab itself
  'main.title': { en: 'actlab: the Activation Lab command line', 'zh-cn': 'actlab：激活函数实验室的命令行工具' },
  'main.usage': { en: 'usage: actlab <command> [options]', 'zh-cn': '用法：actlab <命令> [选项]' },
  'main.more': { en: "'actlab <command> --help' shows a command's options.", 'zh-cn': '“actlab <命令> --help”列出该命令的选项。' },
  'main.lang': {
    en: 'Every command takes --lang en|zh-cn, the language of its messages (default: from LC_ALL, LC_MESSAGES or LANG).',
    'zh-cn': '每个命令都接受 --lang en|zh-cn，即消息的语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG）。',
  },
  'main.unknownCommand': { en: "actlab: unknown command '{name}'", 'zh-cn': 'actlab: 未知命令“{name}”' },
  'main.usageOf': { en: 'usage: {usage}', 'zh-cn': '用法：{usage}' },
  'main.internalError': { en: 'actlab: internal error: {detail}', 'zh-cn': 'actlab: 内部错误：{detail}' },
  'main.badLang': { en: "--lang must be en or zh-cn, got '{value}'", 'zh-cn': '--lang 只能是 en 或 zh-cn，实际为“{value}”' },
  'main.langNeedsValue': { en: '--lang needs a value: en or zh-cn', 'zh-cn': '--lang 需要一个值：en 或 zh-cn' },

  // options, as every command reads them
  'args.withUsage': { en: '{message}\nusage: {usage}', 'zh-cn': '{message}\n用法：{usage}' },
  'args.unknownOption': { en: "unknown option '{option}'", 'zh-cn': '未知选项“{option}”（以 - 开头的位置参数请写在 -- 之后）' },
  'args.missingValue': { en: "option '{option}' needs a value", 'zh-cn': '选项 {option} 需要一个值' },
  'args.noValue': { en: "option '{option}' does not take a value", 'zh-cn': '选项 {option} 不接受值' },
  'args.needsValue': { en: '{option} needs a value', 'zh-cn': '{option} 需要一个值' },
  'args.unexpected': { en: "unexpected argument '{arg}'", 'zh-cn': '多余的参数“{arg}”' },
  'param.expects': { en: "--param expects name=number, got '{text}'", 'zh-cn': '--param 需要 name=number 的形式，实际为“{text}”' },
  'param.twice': { en: '--param {name} is given twice', 'zh-cn': '--param {name} 给了两次' },
  'x.missing': { en: 'give the inputs with --x v1,v2,... or --x a:b:n', 'zh-cn': '请用 `--x v1,v2,...` 或 `--x a:b:n` 给出输入' },
  'x.notNumber': { en: "{what}: '{text}' is not a number", 'zh-cn': '{what}：“{text}”不是数字' },
  'x.rangeStart': { en: '--x range start', 'zh-cn': '--x 范围的起点' },
  'x.rangeEnd': { en: '--x range end', 'zh-cn': '--x 范围的终点' },
  'x.value': { en: '--x value {index}', 'zh-cn': '--x 的第 {index} 个值' },
  'x.rangeForm': { en: "--x range must be a:b:n, got '{text}'", 'zh-cn': '--x 的范围必须写成 `a:b:n`，实际为“{text}”' },
  'x.rangeFinite': { en: "--x range ends must be finite, got '{text}'", 'zh-cn': '--x 范围的两端必须是有限数，实际为“{text}”' },
  'x.rangeCount': {
    en: "--x range needs a point count n from 1 to 100000, got '{text}'",
    'zh-cn': '--x 范围的点数 n 必须在 1 到 100000 之间，实际为“{text}”',
  },
  'x.tooMany': { en: '--x lists at most 100000 values', 'zh-cn': '--x 最多列出 100000 个值' },

  // eval
  'eval.oneActivation': {
    en: 'expected one activation or expression, got {count}: {args} (quote an expression with spaces)',
    'zh-cn': '只能给出一个激活函数或表达式，实际给了 {count} 个：{args}（含空格的表达式请加引号）',
  },

  // props
  'props.oneActivation': {
    en: 'expected one activation or expression, got {count} (quote an expression with spaces)',
    'zh-cn': '只能给出一个激活函数或表达式，实际给了 {count} 个（含空格的表达式请加引号）',
  },
  'props.vector': {
    en: '{label} ({name}): a vector activation; measured analyses apply to elementwise ones.',
    'zh-cn': '{label}（{name}）：向量激活函数；数值分析只适用于逐元素的激活函数。',
  },
  'props.title': { en: '{label} ({name}){params}', 'zh-cn': '{label}（{name}{params}）' },
  'props.params': { en: ' ({list})', 'zh-cn': '，{list}' },
  'props.expression': { en: 'expression', 'zh-cn': '表达式' },
  'props.formula': { en: 'formula', 'zh-cn': '公式' },
  'props.derivative': { en: 'derivative', 'zh-cn': '导数' },
  'props.range': { en: 'range', 'zh-cn': '输出范围' },
  'props.perComponent': { en: '{range} per component', 'zh-cn': '{range}（每个分量）' },
  'props.zeroCentred': { en: 'zero-centred', 'zh-cn': '以零为中心' },
  'props.monotonic': { en: 'monotonic', 'zh-cn': '单调' },
  'props.smooth': { en: 'smooth', 'zh-cn': '平滑' },
  'props.derivativeAtZero': { en: "f'(0)", 'zh-cn': 'f′(0)' },
  'props.maxDerivative': { en: "max |f'|", 'zh-cn': 'max |f′|' },
  'props.saturation': { en: 'saturation', 'zh-cn': '饱和' },
  'props.deadZone': { en: 'dead zone', 'zh-cn': '死区' },
  'props.initGain': { en: 'init gain', 'zh-cn': '初始化增益' },
  'props.yes': { en: 'yes', 'zh-cn': '是' },
  'props.no': { en: 'no', 'zh-cn': '否' },
  'props.mean': { en: '{answer} (E[f(z)] = {mean}, z ~ N(0, 1))', 'zh-cn': '{answer}（E[f(z)] = {mean}，z ~ N(0, 1)）' },
  'props.monotonicYes': { en: 'yes ({direction})', 'zh-cn': '是（{direction}）' },
  'props.increasing': { en: 'increasing', 'zh-cn': '递增' },
  'props.decreasing': { en: 'decreasing', 'zh-cn': '递减' },
  'props.constant': { en: 'constant', 'zh-cn': '常数' },
  'props.notSmooth': { en: 'no ({where})', 'zh-cn': '否（{where}）' },
  'props.kinks': { en: 'kinks at {list}', 'zh-cn': '折点：{list}' },
  'props.jumps': { en: 'jumps at {list}', 'zh-cn': '跳跃点：{list}' },
  'props.kinksAndJumps': { en: '{kinks}; {jumps}', 'zh-cn': '{kinks}；{jumps}' },
  'props.maxAt': { en: '{value} (at x = {x})', 'zh-cn': '{value}（在 x = {x} 处）' },
  'props.saturationShares': { en: "{shares}  (|f'| < {threshold})", 'zh-cn': '{shares}（|f′| < {threshold}）' },
  'props.deadShare': { en: '{pct}% of N(0, 1){where}', 'zh-cn': 'N(0, 1) 的 {pct}%{where}' },
  'props.deadWhere': { en: "; f' = 0 on {list}", 'zh-cn': '；f′ = 0 的区间：{list}' },
  'props.gain': { en: '{gain} (1/sqrt(E[f(z)²]))', 'zh-cn': '{gain}（1/sqrt(E[f(z)²])）' },

  // gradient-flow
  'flow.integer': { en: "--{name} must be an integer, got '{text}'", 'zh-cn': '--{name} 必须是整数，实际为“{text}”' },
  'flow.oneActivation': {
    en: 'expected one activation, got {count} (quote an expression with spaces)',
    'zh-cn': '只能给出一个激活函数，实际给了 {count} 个（含空格的表达式请加引号）',
  },
  'flow.vector': {
    en: '{id} is a vector activation; gradient flow needs an elementwise one (a hidden-layer activation)',
    'zh-cn': '{id} 是向量激活函数；梯度流需要逐元素的激活函数（隐藏层的激活函数）',
  },
  'flow.init': { en: "--init must be one of {list}, got '{value}'", 'zh-cn': '--init 必须是 {list} 之一，实际为“{value}”' },
  'flow.failed': { en: '{label}: {problem}', 'zh-cn': '{label}：{problem}' },
  'flow.titleOneSeed': {
    en: '{label}: depth {depth}, width {width}, {init} init, {seeds} seed (geometric mean)',
    'zh-cn': '{label}：深度 {depth}，宽度 {width}，{init} 初始化，{seeds} 个种子（几何平均）',
  },
  'flow.title': {
    en: '{label}: depth {depth}, width {width}, {init} init, {seeds} seeds (geometric mean)',
    'zh-cn': '{label}：深度 {depth}，宽度 {width}，{init} 初始化，{seeds} 个种子（几何平均）',
  },
  'flow.header': { en: 'layer  ‖∂L/∂W‖ relative to layer {depth}', 'zh-cn': '   层  ‖∂L/∂W‖，相对于第 {depth} 层' },

  // export
  'export.oneFolder': { en: 'expected one run folder, got {args}', 'zh-cn': '只能给出一次训练的文件夹，实际为 {args}' },
  'export.noFolder': { en: 'expected one run folder, got none', 'zh-cn': '请给出一次训练的文件夹' },
  'export.opset': { en: "--opset must be an integer from {min} to {max}, got '{value}'", 'zh-cn': '--opset 必须是 {min} 到 {max} 之间的整数，实际为“{value}”' },
  'export.wrote': { en: 'wrote {path} ({bytes} bytes, opset {opset}, IR {ir})', 'zh-cn': '已写入 {path}（{bytes} 字节，opset {opset}，IR {ir}）' },
  'export.operators': { en: '  operators: {list}', 'zh-cn': '  算子：{list}' },
  'export.layer': { en: '  hidden layer {index}: {activation} -> {target}', 'zh-cn': '  隐藏层 {index}：{activation} -> {target}' },
  'export.subgraph': { en: 'subgraph of {ops}', 'zh-cn': '由 {ops} 组成的子图' },

  // verify
  'verify.oneFile': { en: 'expected one .onnx file, got {args}', 'zh-cn': '只能给出一个 .onnx 文件，实际为 {args}' },
  'verify.noFile': { en: 'expected one .onnx file, got none', 'zh-cn': '请给出一个 .onnx 文件' },
  'verify.limit': { en: "--limit must be a positive integer, got '{value}'", 'zh-cn': '--limit 必须是正整数，实际为“{value}”' },

  // code
  'code.isFile': { en: '{arg} is a file; give a run folder (one that holds {file})', 'zh-cn': '{arg} 是文件；请给出一次训练的文件夹（其中有 {file}）' },
  'code.experiment': { en: '{arg} is an experiment folder; name one of its runs: {list}', 'zh-cn': '{arg} 是实验文件夹；请指定其中的一次训练：{list}' },
  'code.experimentEmpty': {
    en: '{arg} is an experiment folder; name one of its runs (it has none)',
    'zh-cn': '{arg} 是实验文件夹；请指定其中的一次训练（但其中没有训练）',
  },
  'code.oneArg': {
    en: 'expected one activation, expression or run folder, got {args} (quote an expression with spaces)',
    'zh-cn': '只能给出一个激活函数、表达式或一次训练的文件夹，实际为 {args}（含空格的表达式请加引号）',
  },
  'code.noArg': {
    en: 'expected one activation, expression or run folder, got none (quote an expression with spaces)',
    'zh-cn': '请给出一个激活函数、表达式或一次训练的文件夹（含空格的表达式请加引号）',
  },
  'code.framework': { en: 'give the framework: --framework {list}', 'zh-cn': '请指定框架：--framework {list}' },
  'code.badFramework': { en: '--framework: {problem}', 'zh-cn': '--framework：{problem}' },
  'code.paramWithRun': {
    en: '--param applies to an activation; a run folder brings its own parameters',
    'zh-cn': '--param 只用于激活函数；训练的文件夹自带参数',
  },
  'code.noFolder': {
    en: 'no run folder {arg} (and it is not an activation or an expression over x)',
    'zh-cn': '没有训练文件夹 {arg}（它也不是激活函数或关于 x 的表达式）',
  },

  // why an ONNX model cannot be exported, read or checked: a Chinese reader gets this summary before the details
  'onnx.unreadable': { en: 'the file cannot be read', 'zh-cn': '无法读取文件' },
  'onnx.empty': { en: 'the file is empty', 'zh-cn': '文件是空的' },
  'onnx.not-onnx': { en: 'the file is not an ONNX model', 'zh-cn': '文件不是 ONNX 模型' },
  'onnx.truncated': { en: 'the ONNX file is cut short', 'zh-cn': 'ONNX 文件不完整' },
  'onnx.damaged': { en: 'the ONNX file is damaged', 'zh-cn': 'ONNX 文件已损坏' },
  'onnx.input-shape': { en: 'no input of a shape the check can feed', 'zh-cn': '模型没有可以送入图像的输入' },
  'onnx.input-dtype': { en: 'the input is not float32', 'zh-cn': '输入不是 float32' },
  'onnx.output-shape': { en: 'no output of one score per class', 'zh-cn': '模型没有每个类别一个分数的输出' },
  'onnx.output-dtype': { en: 'the output is not float', 'zh-cn': '输出不是浮点数' },
  'onnx.runtime-missing': { en: 'onnxruntime-node is not installed', 'zh-cn': '没有安装 onnxruntime-node' },
  'onnx.runtime': { en: 'onnxruntime refused the model or failed running it', 'zh-cn': 'onnxruntime 拒绝了模型或运行失败' },
  'onnx.dataset': { en: 'the test set cannot be loaded', 'zh-cn': '无法加载测试集' },
  'onnx.run': { en: 'the training run cannot be exported', 'zh-cn': '这次训练无法导出' },
  'onnx.export': { en: 'an activation or option the exporter cannot handle', 'zh-cn': '导出器无法处理某个激活函数或选项' },
  'onnx.write': { en: 'the .onnx file cannot be written', 'zh-cn': '无法写入 .onnx 文件' },
  'onnx.exists': { en: 'the .onnx file is there already', 'zh-cn': '.onnx 文件已存在' },
  'onnx.details': { en: '{summary}: {details}', 'zh-cn': '{summary}：{details}' },

  // train: its options
  'train.integer': { en: "--{name} must be an integer of at least {min}, got '{value}'", 'zh-cn': '--{name} 必须是不小于 {min} 的整数，实际为“{value}”' },
  'train.emptyItemPlus': { en: "{what}: '{text}' has an empty item around a +", 'zh-cn': '{what}：“{text}”中某个 + 的旁边是空项' },
  'train.emptyItemBetween': { en: "{what}: '{text}' has an empty item between the {sep}s", 'zh-cn': '{what}：“{text}”中两个 {sep} 之间是空项' },
  'train.nameExpression': {
    en: "'{text}' is an expression: name it with --custom NAME=EXPRESSION and train NAME",
    'zh-cn': '“{text}”是表达式：请先用 --custom NAME=EXPRESSION 给它起名，再训练 NAME',
  },
  'train.learnNone': { en: '--learn {list}: no activation of this experiment has this parameter', 'zh-cn': '--learn {list}：这次实验的激活函数都没有这个参数' },
  'train.learnNoneMany': { en: '--learn {list}: no activation of this experiment has these parameters', 'zh-cn': '--learn {list}：这次实验的激活函数都没有这些参数' },
  'train.unexpected': { en: "unexpected argument '{arg}' (options start with --)", 'zh-cn': '多余的参数“{arg}”（选项以 -- 开头）' },
  'train.resumePlanned': {
    en: '--resume continues an experiment as it was planned: leave out --{list}',
    'zh-cn': '--resume 按原来的计划继续一次实验：请去掉 --{list}',
  },
  'train.resumeId': {
    en: "--resume takes an experiment's folder name (as in {dir}/), got '{value}'",
    'zh-cn': '--resume 需要一次实验的文件夹名（{dir}/ 下的名字），实际为“{value}”',
  },
  'train.hiddenEmpty': { en: '--hidden needs at least one width, e.g. 128,64', 'zh-cn': '--hidden 至少需要一个宽度，例如 `128,64`' },
  'train.activationsEmpty': { en: '--activations needs at least one activation', 'zh-cn': '--activations 至少需要一个激活函数' },
  'train.layerCount': { en: '{stack}: {count} activations for {layers} hidden layers', 'zh-cn': '{stack}：{count} 个激活函数，但有 {layers} 个隐藏层' },
  'train.learningRate': { en: "--learning-rate must be a positive number, got '{value}'", 'zh-cn': '--learning-rate 必须是正数，实际为“{value}”' },
  'train.seedsMax': { en: "--seeds must be at most {max}, got '{value}'", 'zh-cn': '--seeds 最大为 {max}，实际为“{value}”' },
  'train.kernels': { en: "--kernels must be {list}, got '{value}'", 'zh-cn': '--kernels 必须是 {list}，实际为“{value}”' },
  'train.or': { en: '{a} or {b}', 'zh-cn': '{a} 或 {b}' },
  'train.runProblem': { en: 'run {run}: {problem}', 'zh-cn': '训练 {run}：{problem}' },
  'train.notElementwise': {
    en: '{id} is not an elementwise activation: a hidden layer needs one (softmax belongs to the output layer)',
    'zh-cn': '{id} 不是逐元素的激活函数，而隐藏层需要逐元素的激活函数（softmax 属于输出层）',
  },
  'train.folderProblem': { en: 'the output folder cannot be used', 'zh-cn': '输出文件夹无法使用' },
  'train.resumeProblem': { en: 'the experiment cannot be resumed', 'zh-cn': '无法继续这次实验' },
  'train.dataProblem': { en: 'the dataset cannot be loaded', 'zh-cn': '无法加载数据集' },
  'train.nothingToResume': {
    en: 'nothing to resume in {dir}: no experiment there was cut off mid-training (name a finished one with --resume ID to extend it)',
    'zh-cn': '{dir} 中没有可以继续的实验：没有哪次实验在训练中途被打断（要延长一次已完成的实验，请用 --resume ID 指定它）',
  },
  'train.noRuns': { en: '{dir} holds no runs to resume', 'zh-cn': '{dir} 中没有可以继续的训练' },
  'train.failed': { en: 'training failed: {detail}', 'zh-cn': '训练失败：{detail}' },
  'train.noResults': { en: 'no results', 'zh-cn': '没有结果' },
  'train.stopping': { en: 'stopping: finished epochs are kept (Ctrl-C again to quit now)', 'zh-cn': '正在停止：已完成的轮次会保留（再按一次 Ctrl-C 立即退出）' },

  // train: progress on stderr (the bar's {bar}, {percentage} and the rest are cli-progress's own)
  'train.bar': {
    en: '{run} {bar} {percentage}% | epoch {epoch}/{epochs} | loss {loss} acc {acc} | val {val} | {status}',
    'zh-cn': '{run} {bar} {percentage}% | 第 {epoch}/{epochs} 轮 | 损失 {loss} 准确率 {acc} | 验证 {val} | {status}',
  },
  'train.training': { en: 'training ({kernels})', 'zh-cn': '训练中（{kernels}）' },
  'train.line': { en: '{run}: {text}', 'zh-cn': '{run}：{text}' },
  'train.started': { en: 'started ({kernels} kernels)', 'zh-cn': '已开始（{kernels} 内核）' },
  'train.startedResuming': { en: 'started ({kernels} kernels, resuming after epoch {epoch})', 'zh-cn': '已开始（{kernels} 内核，从第 {epoch} 轮之后继续）' },
  'train.epochLine': {
    en: 'epoch {epoch}/{epochs} loss {loss} accuracy {accuracy} val_loss {valLoss} val_accuracy {valAccuracy} ({seconds} s)',
    'zh-cn': '第 {epoch}/{epochs} 轮，损失 {loss}，准确率 {accuracy}，验证损失 {valLoss}，验证准确率 {valAccuracy}（{seconds} 秒）',
  },
  'train.testAccuracy': { en: 'test accuracy {value}', 'zh-cn': '测试准确率 {value}' },
  'train.divergedAt': { en: 'diverged at epoch {epoch}, batch {batch}', 'zh-cn': '在第 {epoch} 轮第 {batch} 批发散' },
  'train.statusWith': { en: '{status}: {detail}', 'zh-cn': '{status}：{detail}' },
  'train.unknownReason': { en: 'unknown reason', 'zh-cn': '原因不明' },
  'train.onnxChecked': {
    en: 'ONNX {file} (opset {opset}) checked on {count} images: max |Δp| {diff}, argmax agreement {agreement}, {ms} ms',
    'zh-cn': 'ONNX {file}（opset {opset}）已在 {count} 张图像上检查：max |Δp| {diff}，argmax 一致率 {agreement}，{ms} ms',
  },
  'train.onnxFailed': { en: 'ONNX check failed: {error}', 'zh-cn': 'ONNX 检查未通过：{error}' },

  // train: the summary table on stdout
  'train.col.run': { en: 'run', 'zh-cn': '训练' },
  'train.col.status': { en: 'status', 'zh-cn': '状态' },
  'train.col.testAccuracy': { en: 'test acc', 'zh-cn': '测试准确率' },
  'train.col.testLoss': { en: 'test loss', 'zh-cn': '测试损失' },
  'train.col.secondsPerEpoch': { en: 's/epoch', 'zh-cn': '秒/轮' },
  'train.col.onnx': { en: 'onnx (max |Δp|)', 'zh-cn': 'ONNX（max |Δp|）' },
  'train.onnxOk': { en: 'ok {diff}', 'zh-cn': '通过 {diff}' },
  'train.onnxBad': { en: 'FAILED', 'zh-cn': '未通过' },
  'train.results': { en: 'results: {path}', 'zh-cn': '结果：{path}' },
  'train.report': { en: 'report:  {path}', 'zh-cn': '报告：{path}' },
  'train.latest': { en: 'latest:  {path} points at this experiment', 'zh-cn': '最新：{path} 指向这次实验' },

  // sweep: its options
  'sweep.preset': { en: "--preset must be tutorial, got '{value}'", 'zh-cn': '--preset 只能是 tutorial，实际为“{value}”' },
  'sweep.resumePlanned': { en: '--resume continues a sweep as it was planned: leave out --{list}', 'zh-cn': '--resume 按原来的计划继续一次扫描实验：请去掉 --{list}' },
  'sweep.resumeId': {
    en: "--resume takes a sweep's folder name (as in {dir}/), got '{value}'",
    'zh-cn': '--resume 需要一次扫描实验的文件夹名（{dir}/ 下的名字），实际为“{value}”',
  },
  'sweep.hiddenAndDepths': {
    en: '--hidden gives one architecture: leave out --depths and --width (or use them instead of --hidden)',
    'zh-cn': '--hidden 给出的是一种网络结构：请去掉 --depths 和 --width（或者用它们代替 --hidden）',
  },
  'sweep.numbers': { en: '--{name} needs at least one number, e.g. 2,4,8', 'zh-cn': '--{name} 至少需要一个数，例如 `2,4,8`' },
  'sweep.depthMax': { en: '--depths must be at most {max} hidden layers, got {value}', 'zh-cn': '--depths 最多为 {max} 个隐藏层，实际为 {value}' },
  'sweep.depthsCount': { en: '--depths takes at most {max} depths, got {count}', 'zh-cn': '--depths 最多列出 {max} 个深度，实际为 {count} 个' },
  'sweep.depthTwice': { en: '--depths lists {depth} twice', 'zh-cn': '--depths 把 {depth} 列了两次' },
  'sweep.widthMax': { en: "--width must be at most {max}, got '{value}'", 'zh-cn': '--width 最大为 {max}，实际为“{value}”' },
  'sweep.stackDepths': {
    en: '{stack}: {count} activations, one per hidden layer, but the sweep has depths {depths}',
    'zh-cn': '{stack}：{count} 个激活函数（每个隐藏层一个），但扫描实验的深度是 {depths}',
  },
  'sweep.tooMany': {
    en: '{activations} activations x {depths} depths x {seeds} seeds is {runs} runs; a sweep takes at most {max}',
    'zh-cn': '{activations} 个激活函数 × {depths} 个深度 × {seeds} 个种子共 {runs} 次训练；一次扫描实验最多 {max} 次',
  },
  'sweep.nothingToResume': {
    en: 'nothing to resume in {dir}: every sweep there has finished (name one with --resume ID and --epochs N to extend it)',
    'zh-cn': '{dir} 中没有可以继续的扫描实验：都已完成（要延长其中一次，请用 --resume ID 和 --epochs N 指定它）',
  },
  'sweep.noExperiment': { en: 'no experiment {id} in {dir}', 'zh-cn': '{dir} 中没有实验 {id}' },
  'sweep.notSweep': {
    en: '{dir} is not a sweep (it has no sweep.json): continue it with actlab train --resume {id}',
    'zh-cn': '{dir} 不是扫描实验（其中没有 sweep.json）：请用 `actlab train --resume {id}` 继续它',
  },
  'sweep.failed': { en: 'the sweep failed: {detail}', 'zh-cn': '扫描实验失败：{detail}' },

  // sweep: progress on stderr and the tables on stdout
  'sweep.bar': {
    en: 'sweep {bar} {percentage}% | runs {runs} | cells {cells} | ETA {eta} | {last}',
    'zh-cn': '扫描实验 {bar} {percentage}% | 训练 {runs} | 格子 {cells} | 剩余约 {eta} | {last}',
  },
  'sweep.line': { en: '[runs {runs}, cells {cells}, ETA {eta}] {last}', 'zh-cn': '[训练 {runs}，格子 {cells}，剩余约 {eta}] {last}' },
  'sweep.starting': { en: 'starting', 'zh-cn': '正在开始' },
  'sweep.test': { en: 'test {value}', 'zh-cn': '测试 {value}' },
  'sweep.gridTitle': {
    en: 'Test accuracy (%), mean ± half the 95% interval over seeds {seeds} (seeds done/planned):',
    'zh-cn': '测试准确率（%）：种子 {seeds} 上的均值 ± 95% 置信区间的半宽（已完成/计划的种子数）：',
  },
  'sweep.col.activation': { en: 'activation', 'zh-cn': '激活函数' },
  'sweep.col.depth': { en: 'depth {depth}', 'zh-cn': '深度 {depth}' },
  'sweep.comparisonsTitle': {
    en: "Which differences are real (Welch's t-test, p-values Holm-adjusted over {tests} comparisons, alpha {alpha}):",
    'zh-cn': '哪些差异真实存在（Welch t 检验，p 值按 {tests} 次比较做 Holm 校正，alpha {alpha}）：',
  },
  'sweep.col.depthOnly': { en: 'depth', 'zh-cn': '深度' },
  'sweep.col.difference': { en: 'difference (points)', 'zh-cn': '差值（百分点）' },
  'sweep.col.holm': { en: 'Holm p', 'zh-cn': 'Holm 校正的 p' },
  'sweep.col.verdict': { en: 'verdict', 'zh-cn': '结论' },
  'sweep.total': { en: '{runs} runs in {duration} on {workers} workers', 'zh-cn': '{runs} 次训练，用时 {duration}，{workers} 个工作线程' },
  'sweep.totalOneWorker': { en: '{runs} runs in {duration} on 1 worker', 'zh-cn': '{runs} 次训练，用时 {duration}，1 个工作线程' },
} as const satisfies Record<string, Readonly<Record<UiLanguage, string>>>;

export type CliMessageId = keyof typeof CLI_MESSAGES;
