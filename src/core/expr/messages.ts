// Every message of the expression language in English and Simplified Chinese, by id. A message is
// its id and the values it names ({name} in the text); it is rendered in a language only where a
// person reads it, so errors stay data until then and `Error.message` stays the English text.
// User text is quoted in the template ('…' in English, “…” in Chinese), never inside a value.
import type { UiLanguage } from '../locale';
import { fillTemplate } from '../template';

export const EXPR_MESSAGES = {
  // how a problem, its column and its hint read together
  problemAt: { en: '{problem} at column {column}', 'zh-cn': '{problem}（第 {column} 列）' },
  problemAtWithHint: { en: '{problem} at column {column} ({hint})', 'zh-cn': '{problem}（第 {column} 列；{hint}）' },
  problemWithHint: { en: '{problem} ({hint})', 'zh-cn': '{problem}（{hint}）' },
  /** A message from outside the expression language (a registry's parameter check), in the language it is rendered in. */
  verbatim: { en: '{text}', 'zh-cn': '{text}' },

  // the tokenizer
  notText: { en: 'the expression must be text', 'zh-cn': '表达式必须是文本' },
  tooLong: { en: 'expression is too long', 'zh-cn': '表达式太长' },
  tooLongHint: { en: '{count} characters; at most {max}', 'zh-cn': '{count} 个字符，最多 {max} 个' },
  malformedNumber: { en: "malformed number '{text}'", 'zh-cn': '数字“{text}”的写法不对' },
  exponentNeedsDigits: { en: 'the exponent needs digits', 'zh-cn': '指数部分需要数字' },
  writeProductHint: { en: 'write {left}*{right} to multiply', 'zh-cn': '相乘请写成 {left}*{right}' },
  numberTooLarge: { en: "number '{text}' is too large", 'zh-cn': '数字“{text}”太大' },
  numberTooLargeHint: { en: 'beyond ±1.8e308', 'zh-cn': '超出了 ±1.8e308' },
  numberTooSmall: { en: "number '{text}' is too small", 'zh-cn': '数字“{text}”太小' },
  numberTooSmallHint: { en: 'it rounds to 0', 'zh-cn': '它会舍入为 0' },
  equalsNotOperator: { en: "'=' is not an operator", 'zh-cn': '“=”不是运算符' },
  equalsHint: { en: "use '==' to compare", 'zh-cn': '比较请用“==”' },
  logicNotSupported: { en: "'{char}' is not supported", 'zh-cn': '不支持“{char}”' },
  logicHint: { en: 'combine conditions with where(...), min or max', 'zh-cn': '组合条件请用 where(...)、min 或 max' },
  unexpectedChar: { en: "unexpected character '{char}' ({code})", 'zh-cn': '无法识别的字符“{char}”（{code}）' },
  unexpectedInvisibleChar: { en: 'unexpected character {code}', 'zh-cn': '无法识别的字符 {code}' },
  didYouMeanChar: { en: "did you mean '{instead}'?", 'zh-cn': '是不是想写“{instead}”？' },

  // the parser
  emptyExpression: { en: 'empty expression', 'zh-cn': '表达式为空' },
  unexpectedClose: { en: "unexpected ')'", 'zh-cn': '此处不应出现“)”' },
  noMatchingOpen: { en: "no matching '('", 'zh-cn': '前面没有与它配对的“(”' },
  missingOperator: { en: "missing operator before '{token}'", 'zh-cn': '“{token}”前缺少运算符' },
  chainedComparison: { en: 'comparisons cannot be chained', 'zh-cn': '比较不能连写' },
  chainedComparisonHint: { en: 'a < x < b does not work; use where(...) or min/max', 'zh-cn': '不能写 a < x < b，请用 where(...) 或 min/max' },
  unexpectedToken: { en: "unexpected '{token}'", 'zh-cn': '此处不应出现“{token}”' },
  tooManyNodes: { en: 'expression is too large', 'zh-cn': '表达式太大' },
  tooManyNodesHint: { en: 'more than {max} terms', 'zh-cn': '超过 {max} 项' },
  tooDeep: { en: 'expression is nested too deeply', 'zh-cn': '表达式嵌套太深' },
  tooDeepHint: { en: 'more than {max} levels', 'zh-cn': '超过 {max} 层' },
  emptyBrackets: { en: "empty brackets '()'", 'zh-cn': '括号“()”里是空的' },
  missingClose: { en: "missing ')' for the '('", 'zh-cn': '这个“(”缺少配对的“)”' },
  expectedClose: { en: "expected ')' but found '{token}'", 'zh-cn': '此处应为“)”，却是“{token}”' },
  closeHint: { en: "to close the '(' at column {column}", 'zh-cn': '用来闭合第 {column} 列的“(”' },
  unexpectedEnd: { en: 'unexpected end of expression', 'zh-cn': '表达式不完整' },
  expectedOperand: { en: 'expected a number, x, a parameter, a function call or a bracket', 'zh-cn': '这里应是数字、x、参数、函数调用或括号' },
  unexpectedComma: { en: "unexpected ','", 'zh-cn': '此处不应出现逗号' },
  commaHint: { en: 'commas only separate function arguments', 'zh-cn': '逗号只用来分隔函数的参数' },
  unexpectedOperator: { en: "unexpected operator '{op}'", 'zh-cn': '此处不应出现运算符“{op}”' },
  notAFunction: { en: "'{name}' is not a function", 'zh-cn': '“{name}”不是函数' },
  notAFunctionHint: { en: 'write {name}*(...) to multiply', 'zh-cn': '相乘请写成 {name}*(...)' },
  unknownFunction: { en: "unknown function '{name}'", 'zh-cn': '未知函数“{name}”' },
  knownFunctions: { en: 'known: {list}', 'zh-cn': '已知函数：{list}' },
  needsBrackets: { en: "function '{name}' needs its arguments in brackets", 'zh-cn': '函数 {name} 的参数要写在括号里' },
  needsBracketsHint: { en: 'like {name}(x)', 'zh-cn': '例如 {name}(x)' },
  unknownName: { en: "unknown name '{name}'", 'zh-cn': '未知名称“{name}”' },
  knownNamesWithParams: { en: 'use x, pi, e or a parameter ({params})', 'zh-cn': '可用 x、pi、e 或参数（{params}）' },
  knownNames: { en: 'use x, pi or e (or declare it as a parameter)', 'zh-cn': '可用 x、pi 或 e（或把它声明为参数）' },
  missingCloseOfCall: { en: "missing ')' for {name}(", 'zh-cn': '{name}( 缺少配对的“)”' },
  expectedCommaOrClose: { en: "expected ',' or ')' in {name}(...) but found '{token}'", 'zh-cn': '{name}(...) 中此处应为逗号或“)”，却是“{token}”' },
  arityOne: { en: "function '{name}' takes {arity} argument, got {count}", 'zh-cn': '函数 {name} 需要 {arity} 个参数，实际给了 {count} 个' },
  arityMany: { en: "function '{name}' takes {arity} arguments, got {count}", 'zh-cn': '函数 {name} 需要 {arity} 个参数，实际给了 {count} 个' },

  // differentiation and the grid check
  derivativeTooLarge: {
    en: 'the derivative is too large to use (more than {max} terms): simplify the expression',
    'zh-cn': '导数太大，无法使用（超过 {max} 项）：请化简表达式',
  },
  notFinite: { en: 'f({x}) is not finite ({value})', 'zh-cn': 'f({x}) 不是有限值（{value}）' },
  derivativeNotFinite: { en: "f'({x}) is not finite ({value})", 'zh-cn': 'f′({x}) 不是有限值（{value}）' },
  derivativeMismatch: {
    en: "f'({x}) = {slope} but the central difference gives {central}",
    'zh-cn': 'f′({x}) = {slope}，而中心差分给出 {central}',
  },

  // a custom activation's definition
  definitionShape: { en: 'a custom activation needs { name, expression, params? }', 'zh-cn': '自定义激活函数需要 name 和 expression 两项（params 可选）' },
  definitionNeedsName: { en: 'a custom activation needs a non-empty name', 'zh-cn': '自定义激活函数需要一个非空的名称' },
  definitionNeedsExpression: { en: "custom activation '{name}' needs an expression (text)", 'zh-cn': '自定义激活函数“{name}”需要一个表达式（文本）' },
  expressionEmpty: { en: 'the expression is empty', 'zh-cn': '表达式为空' },
  definitionTooLong: {
    en: 'the expression is too long ({count} characters; at most {max})',
    'zh-cn': '表达式太长（{count} 个字符，最多 {max} 个）',
  },
  paramsNotObject: {
    en: "params of custom activation '{name}' must be an object of numbers",
    'zh-cn': '自定义激活函数“{name}”的 params 必须是由数字组成的对象',
  },
  tooManyParams: { en: "custom activation '{name}' has {count} parameters; at most {max}", 'zh-cn': '自定义激活函数“{name}”有 {count} 个参数，最多 {max} 个' },
  paramNameTooLong: {
    en: "parameter name '{param}' of '{name}' is too long (at most {max} characters)",
    'zh-cn': '“{name}”的参数名“{param}”太长（最多 {max} 个字符）',
  },
  paramNameOf: { en: "{problem} (custom activation '{name}')", 'zh-cn': '{problem}（自定义激活函数“{name}”）' },
  paramNotFinite: {
    en: "parameter {param} of '{name}' must be a finite number, got {value}",
    'zh-cn': '“{name}”的参数 {param} 必须是有限的数，实际为 {value}',
  },
  unusedParam: { en: 'parameter {list} not used in the expression', 'zh-cn': '表达式中没有用到参数 {list}' },
  unusedParams: { en: 'parameters {list} not used in the expression', 'zh-cn': '表达式中没有用到参数 {list}' },
  tooCostly: { en: 'expression is too costly to evaluate', 'zh-cn': '表达式的计算效率太低' },
  tooCostlyHint: {
    en: "f and f' take {cost} operations per point together, at most {max}: simplify it",
    'zh-cn': 'f 和 f′ 在每个点上合计需要 {cost} 次运算，最多 {max} 次：请化简表达式',
  },
  failsValidation: {
    en: "custom activation '{name}' fails validation on [-10, 10]: {problems}",
    'zh-cn': '自定义激活函数“{name}”没有通过 [-10, 10] 上的检验：{problems}',
  },
  paramNameInvalid: { en: "parameter name '{name}' is not a valid name (letters, digits, _)", 'zh-cn': '参数名“{name}”不合法（只能用字母、数字和 _）' },
  paramNameReserved: { en: "parameter name '{name}' is reserved (x, pi, e and function names)", 'zh-cn': '参数名“{name}”是保留字（x、pi、e 和函数名）' },
  paramNameMember: {
    en: "parameter name '{name}' is reserved (a member of every JavaScript object)",
    'zh-cn': '参数名“{name}”是保留字（每个 JavaScript 对象都有这个成员）',
  },

  // activation text: the CLI's argument, --custom and --param
  paramWrittenTwice: { en: 'parameter {param} of {what} is written twice', 'zh-cn': '{what} 的参数 {param} 写了两次' },
  paramGivenTwice: {
    en: 'parameter {param} of {what} is given twice (in brackets and as --param)',
    'zh-cn': '{what} 的参数 {param} 给了两次（括号里和 --param 各一次）',
  },
  customInvalid: { en: 'custom activation {name}: {problem}', 'zh-cn': '自定义激活函数 {name}：{problem}' },
  unknownParamOf: {
    en: "unknown parameter '{param}' for {name} (its parameters: {list})",
    'zh-cn': '{name} 没有参数“{param}”（它的参数：{list}）',
  },
  unknownParamOfNone: { en: "unknown parameter '{param}' for {name} (it has no parameters)", 'zh-cn': '{name} 没有参数“{param}”（它没有参数）' },
  invalidExpression: { en: "invalid expression '{text}': {error}{hint}", 'zh-cn': '表达式“{text}”无效：{error}{hint}' },
  builtinNotFunction: {
    en: '; {id} is a built-in activation, not a function of the expression language: write it alone',
    'zh-cn': '；{id} 是内置激活函数，不是表达式语言里的函数：请单独写它',
  },
  builtinNotFunctionWithParams: {
    en: '; {id} is a built-in activation, not a function of the expression language: write it alone, with parameters as {id}({param}={value})',
    'zh-cn': '；{id} 是内置激活函数，不是表达式语言里的函数：请单独写它，带参数时写成 {id}({param}={value})',
  },
  didYouMeanActivation: { en: '; did you mean {id}?', 'zh-cn': '；是不是想写 {id}？' },
  unusedParamOption: {
    en: "--param {list} is not used by the expression '{text}' (a parameter of an expression must appear in it)",
    'zh-cn': '表达式“{text}”没有用到 --param {list}（表达式的参数必须在表达式中出现）',
  },
  unusedParamOptions: {
    en: "--param {list} are not used by the expression '{text}' (a parameter of an expression must appear in it)",
    'zh-cn': '表达式“{text}”没有用到 --param {list}（表达式的参数必须在表达式中出现）',
  },
  nameAnActivation: {
    en: 'name an activation (see actlab list) or write an expression over x',
    'zh-cn': '请给出激活函数的名称（见 actlab list），或写一个关于 x 的表达式',
  },
  activationTextTooLong: {
    en: 'the activation text is too long ({count} characters; at most {max})',
    'zh-cn': '激活函数的文本太长（{count} 个字符，最多 {max} 个）',
  },
  unknownActivationOrExpression: {
    en: "unknown activation '{name}'; known: {list} (or write an expression over x)",
    'zh-cn': '未知激活函数“{name}”（也可以写一个关于 x 的表达式）；已知激活函数：{list}',
  },
  unknownActivation: { en: "unknown activation '{name}'; known: {list}", 'zh-cn': '未知激活函数“{name}”；已知激活函数：{list}' },
  bracketsFollowExactId: {
    en: 'parameters in brackets follow an exact id: write {id}({params}) (see actlab list)',
    'zh-cn': '括号里的参数只能跟在确切的 id 后面：请写 {id}({params})（见 actlab list）',
  },
  callNotName: { en: "'{text}' is a call, not an activation's name: write {id}", 'zh-cn': '“{text}”是函数调用，不是激活函数的名称：请写 {id}' },
  customNameChars: {
    en: "custom activation name '{name}' must be letters, digits and _ (not starting with a digit)",
    'zh-cn': '自定义激活函数的名称“{name}”只能由字母、数字和 _ 组成（不能以数字开头）',
  },
  customNameTooLong: {
    en: "custom activation name '{name}' is too long ({count} characters; at most 64)",
    'zh-cn': '自定义激活函数的名称“{name}”太长（{count} 个字符，最多 64 个）',
  },
  customNameReserved: {
    en: "custom activation name '{name}' is a word of the expression language (x, pi, e and function names)",
    'zh-cn': '自定义激活函数的名称“{name}”是表达式语言的保留字（x、pi、e 和函数名）',
  },
  customNameTaken: {
    en: "custom activation name '{name}' is taken by the built-in {id}; choose another name",
    'zh-cn': '自定义激活函数的名称“{name}”已被内置的 {id} 占用，请换一个名称',
  },
  customNeedsNameAndExpression: { en: "--custom needs NAME=EXPRESSION, got '{text}'", 'zh-cn': '--custom 需要 NAME=EXPRESSION 的形式，实际为“{text}”' },
  customDefinedTwice: {
    en: 'custom activation {name} is defined twice (--custom {name}=...): give each name once',
    'zh-cn': '自定义激活函数 {name} 定义了两次（--custom {name}=...）：每个名称只能定义一次',
  },

  // parameters written as text: `alpha=0.3, beta=2`
  notAnAssignment: { en: "'{part}' is not of the form name=number", 'zh-cn': '“{part}”不是 name=number 的形式' },
  paramListedTwice: { en: 'the parameter {name} is given twice', 'zh-cn': '参数 {name} 给了两次' },
} as const satisfies Record<string, Readonly<Record<UiLanguage, string>>>;

export type ExprMessageId = keyof typeof EXPR_MESSAGES;

/** The names in a template's braces (`{name}`; `{ name, … }` with spaces is literal text). */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer R}`
  ? (P extends `${string} ${string}` ? never : P) | Placeholders<R>
  : never;

/** Text another module has already written in every language (an activation's parameter check). */
export type TextInEveryLanguage = Readonly<Record<UiLanguage, string>>;

/** A value a message names: text, a number, another message, a list of messages, or text in every language. */
export type ExprArg = string | number | ExprMessage | readonly ExprMessage[] | TextInEveryLanguage;

/** One message: its id and the value of each name in its text. */
export type ExprMessage<K extends ExprMessageId = ExprMessageId> = K extends ExprMessageId
  ? { readonly id: K; readonly args: { readonly [P in Placeholders<(typeof EXPR_MESSAGES)[K]['en']>]: ExprArg } }
  : never;

/** What a reader that answers `T | ExprProblem` says when the input is wrong. */
export interface ExprProblem {
  readonly problem: ExprMessage;
}

type ArgsOf<K extends ExprMessageId> = ExprMessage<K>['args'];

/** A message by id; the arguments are checked against the names in its English text. */
export function exprMessage<K extends ExprMessageId>(
  id: K,
  ...args: keyof ArgsOf<K> extends never ? [] : [ArgsOf<K>]
): ExprMessage<K> {
  return { id, args: args[0] ?? {} } as ExprMessage<K>;
}

/** How a list of messages is joined in each language (the grid check's problems). */
const LIST_SEPARATOR: Record<UiLanguage, string> = { en: '; ', 'zh-cn': '；' };

/** A message in a language; values that are messages are rendered in the same language. */
export function renderExprMessage(message: ExprMessage, lang: UiLanguage): string {
  const args = message.args as Readonly<Record<string, ExprArg>>;
  const value = (v: ExprArg): string => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    if (Array.isArray(v)) return (v as readonly ExprMessage[]).map((m) => renderExprMessage(m, lang)).join(LIST_SEPARATOR[lang]);
    if (!('id' in v)) return (v as TextInEveryLanguage)[lang];
    return renderExprMessage(v, lang);
  };
  return fillTemplate(EXPR_MESSAGES[message.id][lang], args, value);
}
