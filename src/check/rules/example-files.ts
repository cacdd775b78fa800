import type { ComponentUse, ParsedPage, Place } from '../../model/types.js';

export interface ExampleFileUse {
  component: ComponentUse;
  file: string;
  place: ComponentUse['place'];
  /** The `referenceId` of the `CodeBlock` it belongs to (its own, or its tab's block's), if any. */
  referenceId: string | null;
  /** A tab's `language`: the one language it shows. */
  language: string | null;
}

/** `file` attributes of `CodeBlock` and `CodeBlockTab`: the example folders a page uses. */
export function* exampleFiles(page: ParsedPage): Iterable<ExampleFileUse> {
  let block: ComponentUse | null = null;
  for (const component of page.components) {
    if (component.name === 'CodeBlock') block = component;
    if (component.name !== 'CodeBlock' && component.name !== 'CodeBlockTab') continue;
    const attribute = component.attributes.file;
    if (!attribute) continue;
    const owner = component.name === 'CodeBlock' ? component : block && contains(block.place, component.place) ? block : null;
    const referenceId = owner?.attributes.referenceId?.value;
    const language = component.name === 'CodeBlockTab' ? component.attributes.language?.value : undefined;
    yield {
      component,
      file: String(attribute.value),
      place: attribute.place,
      referenceId: typeof referenceId === 'string' ? referenceId : null,
      language: typeof language === 'string' ? language : null,
    };
  }
}

function contains(outer: Place, inner: Place): boolean {
  const startsAfter = inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column);
  const endsBefore = inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn);
  return startsAfter && endsBefore;
}
