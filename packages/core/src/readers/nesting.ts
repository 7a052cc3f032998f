import { DomHandler, Parser, type Options, type parseDocument } from 'htmlparser2';
import { inputError, type InputError } from '../errors.js';

type Document = ReturnType<typeof parseDocument>;

/**
 * Elements nested deeper than any real page or Office part (Word's deepest run sits about 20 levels
 * down). htmlparser2 keeps its open elements with unshift, so markup nested 200,000 deep, damaged or
 * made so, takes it 20 s and more; the readers walk the tree recursively and would overflow the stack.
 */
export const MAX_NESTING = 1_000;

/** Stops the parser as soon as elements nest deeper than MAX_NESTING. */
class ShallowHandler extends DomHandler {
  tooDeep = false;
  stop: () => void = () => {};
  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs);
    if (this.tagStack.length > MAX_NESTING + 1 && !this.tooDeep) {
      this.tooDeep = true;
      this.stop();
    }
  }
}

/** htmlparser2's parseDocument, or an input error naming `what` when its elements nest too deep. */
export function parseShallow(markup: string, options: Options, what: string, whatZh: string): Document | InputError {
  const handler = new ShallowHandler(undefined, options);
  const parser = new Parser(handler, options);
  handler.stop = () => parser.pause();
  parser.end(markup);
  if (handler.tooDeep) return inputError('damaged', `${what} with elements nested more than ${MAX_NESTING} levels deep`, `元素嵌套超过${MAX_NESTING}层的${whatZh}`, 'Open and save it again, or convert the original document.', '请重新打开并保存，或转换原始文档。');
  return handler.root;
}
