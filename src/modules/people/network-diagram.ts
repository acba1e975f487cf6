import * as echarts from 'echarts';

export interface NetworkPerson {
  name: string;
  relationship: string;
  family: boolean;
  mattersToChild: boolean;
}

const WIDTH = 680;
const HEIGHT = 460;

/**
 * The child's network as an SVG drawn on the server (ECharts, no browser JavaScript): the child
 * in the middle, family on the inner ring, everyone else on the outer ring; a thick line for
 * someone who matters to the child. The same facts are in the table beside it, and the
 * description says them in words for screen readers.
 */
export function renderNetworkDiagram(childName: string, people: readonly NetworkPerson[]): { svg: string; description: string } {
  const family = people.filter((p) => p.family);
  const others = people.filter((p) => !p.family);
  const place = (ring: readonly NetworkPerson[], radius: number, offset: number) =>
    ring.map((p, i) => {
      const angle = offset + (2 * Math.PI * i) / Math.max(1, ring.length) - Math.PI / 2;
      return { p, x: WIDTH / 2 + radius * Math.cos(angle), y: HEIGHT / 2 + radius * 0.8 * Math.sin(angle) };
    });
  const placed = [...place(family, 150, 0), ...place(others, 215, Math.PI / Math.max(2, others.length))];

  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption({
      animation: false,
      series: [
        {
          type: 'graph',
          layout: 'none',
          silent: true, // no hover styles: the page has no script, and they would need a <style> element
          label: { show: true, position: 'bottom', color: '#0b0c0c', fontSize: 14, fontFamily: 'arial, sans-serif' },
          data: [
            { name: childName, x: WIDTH / 2, y: HEIGHT / 2, symbolSize: 44, itemStyle: { color: '#1d70b8' }, label: { fontWeight: 'bold' } },
            ...placed.map(({ p, x, y }, i) => ({
              // Names can repeat (two cousins called Sam): the id keeps nodes apart, the label shows the name.
              id: `p${i}`,
              name: `${p.name}\n${p.relationship}`,
              x,
              y,
              symbolSize: 26,
              itemStyle: { color: p.family ? '#00703c' : '#505a5f' },
            })),
            // Two invisible corners: ECharts fits the nodes' extent to the frame, and these keep
            // the child in the middle however few people there are.
            ...[
              [0, 0],
              [WIDTH, HEIGHT],
            ].map(([x, y], i) => ({ id: `frame${i}`, name: '', x, y, symbolSize: 0, label: { show: false } })),
          ].map((d, i) => (i === 0 ? { ...d, id: 'child' } : d)),
          links: placed.map(({ p }, i) => ({
            source: 'child',
            target: `p${i}`,
            lineStyle: p.mattersToChild ? { width: 4, color: '#0b0c0c', opacity: 1 } : { width: 1, color: '#b1b4b6', type: 'dashed', opacity: 1 },
          })),
        },
      ],
    });
    const svg = withoutInlineStyles(chart.renderToSVGString());
    const matters = people.filter((p) => p.mattersToChild).map((p) => `${p.name} (${p.relationship})`);
    const description =
      people.length === 0
        ? `No one is recorded in ${childName}'s network.`
        : `${childName}'s network: ${people.length} ${people.length === 1 ? 'person' : 'people'}. ` +
          (matters.length > 0 ? `Who matters to ${childName}: ${matters.join(', ')}.` : `${childName} has not said who matters to them.`);
    return { svg, description };
  } finally {
    chart.dispose();
  }
}

/** SVG presentation attributes that may stand in for ECharts' inline text styles. */
const PRESENTATION_ATTRIBUTES = new Set(['font-size', 'font-family', 'font-weight', 'font-style']);

/**
 * The page's Content Security Policy allows no inline styles, so ECharts' `style="…"` on text
 * becomes presentation attributes (which CSP does not govern), and any `<style>` element and
 * its internal `ecmeta_` attributes are dropped.
 */
export function withoutInlineStyles(svg: string): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ style="([^"]*)"/g, (_all, declarations: string) =>
      declarations
        .split(';')
        .map((d) => d.split(':').map((part) => part.trim()))
        .filter(([property, value]) => property && value && PRESENTATION_ATTRIBUTES.has(property))
        .map(([property, value]) => ` ${property}="${value!.replace(/"/g, '&quot;')}"`)
        .join(''),
    );
}
