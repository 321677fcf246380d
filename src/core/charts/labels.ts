// The words every chart spec draws (titles, axes, legends, tooltips, the names of data series),
// one table per UI language with the same keys. Specs take a table and stay pure; the caller picks
// the language (the webview its page's, the report English for now).
import type { UiLanguage } from '../locale';

export interface ChartLabels {
  activation: string;
  epoch: string;
  accuracy: string;
  loss: string;
  /** Legend title of the train / validation line styles. */
  split: string;
  train: string;
  validation: string;
  seconds: string;
  count: string;
  layer: string;
  /** A hidden dense layer's name, `{0}` its number from the input side. */
  hiddenLayer: string;
  outputLayer: string;
  accuracyPerEpoch: string;
  lossPerEpoch: string;
  secondsPerEpoch: string;
  gradientPerLayer: string;
  meanGradient: string;
  deadUnitsPerLayer: string;
  deadUnits: string;
  confusion: string;
  trueLabel: string;
  predicted: string;
  testAccuracy: string;
  x: string;
  f: string;
  df: string;
  saturation: string;
  spread: string;
  saturatedShare: string;
  gradientFlow: string;
  layerFromInput: string;
  relativeNorm: string;
  /** The guide's plot: stacks of layers with and without a non-linearity. */
  stackTitle: string;
  stackOutput: string;
  /** Learned activation parameters, per epoch. */
  learnedPerEpoch: string;
  learnedValue: string;
  parameter: string;
}

export const CHART_LABELS: Readonly<Record<UiLanguage, Readonly<ChartLabels>>> = {
  en: {
    activation: 'Activation',
    epoch: 'Epoch',
    accuracy: 'Accuracy',
    loss: 'Loss (cross-entropy)',
    split: 'Data',
    train: 'train',
    validation: 'validation',
    seconds: 'Seconds',
    count: 'Count',
    layer: 'Layer',
    hiddenLayer: 'dense {0}',
    outputLayer: 'output',
    accuracyPerEpoch: 'Accuracy per epoch',
    lossPerEpoch: 'Loss per epoch',
    secondsPerEpoch: 'Seconds per epoch',
    gradientPerLayer: 'Gradient per layer',
    meanGradient: 'Mean |dL/dW| (log)',
    deadUnitsPerLayer: 'Dead units per hidden layer',
    deadUnits: 'Dead units',
    confusion: 'Confusion matrix (test)',
    trueLabel: 'True label',
    predicted: 'Predicted',
    testAccuracy: 'Test accuracy',
    x: 'x',
    f: 'f(x)',
    df: "f'(x)",
    saturation: "Saturation: share of z ~ N(0, s²) with |f'(z)| < 0.01",
    spread: 'Spread s of the pre-activation',
    saturatedShare: 'Saturated share',
    gradientFlow: 'Gradient flow: ‖dL/dW‖ per layer, relative to the last layer',
    layerFromInput: 'Layer (1 = first)',
    relativeNorm: 'Relative gradient norm (log)',
    stackTitle: 'Three layers, one input x: without an activation the stack is one straight line',
    stackOutput: 'Network output',
    learnedPerEpoch: 'Learned activation parameters per epoch',
    learnedValue: 'Value',
    parameter: 'Parameter',
  },
  'zh-cn': {
    activation: '激活函数',
    epoch: '轮次',
    accuracy: '准确率',
    loss: '损失（交叉熵）',
    split: '数据集',
    train: '训练集',
    validation: '验证集',
    seconds: '秒',
    count: '样本数',
    layer: '层',
    hiddenLayer: '隐藏层 {0}',
    outputLayer: '输出层',
    accuracyPerEpoch: '每轮准确率',
    lossPerEpoch: '每轮损失',
    secondsPerEpoch: '每轮耗时（秒）',
    gradientPerLayer: '各层梯度',
    meanGradient: '平均 |dL/dW|（对数坐标）',
    deadUnitsPerLayer: '各隐藏层的死亡神经元',
    deadUnits: '死亡神经元比例',
    confusion: '混淆矩阵（测试集）',
    trueLabel: '真实标签',
    predicted: '预测标签',
    testAccuracy: '测试准确率',
    x: 'x',
    f: 'f(x)',
    df: 'f′(x)',
    saturation: '饱和程度：z ~ N(0, s²) 中 |f′(z)| < 0.01 的比例',
    spread: '预激活值的标准差 s',
    saturatedShare: '饱和比例',
    gradientFlow: '梯度流：各层的 ‖dL/dW‖，相对于最后一层',
    layerFromInput: '层（1 = 第一层）',
    relativeNorm: '相对梯度范数（对数坐标）',
    stackTitle: '三层网络、一个输入 x：不用激活函数时，整个网络只是一条直线',
    stackOutput: '网络输出',
    learnedPerEpoch: '各轮学到的激活函数参数',
    learnedValue: '参数值',
    parameter: '参数',
  },
};

/** A label with `{0}` filled in. */
export function fillLabel(label: string, value: string | number): string {
  return label.replace('{0}', String(value));
}
