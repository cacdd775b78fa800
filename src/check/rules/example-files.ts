import type { ComponentUse, ParsedPage } from '../../model/types.js';

/** `file` attributes of `CodeBlock` and `CodeBlockTab`: the example folders a page uses. */
export function* exampleFiles(page: ParsedPage): Iterable<{ component: ComponentUse; file: string; place: ComponentUse['place'] }> {
  for (const component of page.components) {
    if (component.name !== 'CodeBlock' && component.name !== 'CodeBlockTab') continue;
    const attribute = component.attributes.file;
    if (attribute) yield { component, file: String(attribute.value), place: attribute.place };
  }
}
