/** getStaticPaths helpers: English at the root, Korean under /ko/. */
import type { Lang } from './types';

export const langPaths = () => [
  { params: { lang: undefined }, props: { lang: 'en' as Lang } },
  { params: { lang: 'ko' }, props: { lang: 'ko' as Lang } },
];

/** One page per (language, item): `param` names the route parameter, `slug` the item's URL segment. */
export function itemPaths<T>(items: readonly T[], param: string, slugOf: (item: T) => string) {
  return langPaths().flatMap((l) =>
    items.map((item) => ({ params: { ...l.params, [param]: slugOf(item) }, props: { lang: l.props.lang, item } })),
  );
}
