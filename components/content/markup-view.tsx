import { Fragment } from 'react';
import { parseMarkup, type Inline } from '@/lib/content/markup';

// Renders the safe markup (lib/content/markup.ts) as React elements: every piece of text is a text
// node, so HTML typed into a news item shows as the characters typed. No client JavaScript.

function InlineNodes({ nodes }: { nodes: Inline[] }) {
  return nodes.map((node, i) => {
    if (node.type === 'break') return <br key={i} />;
    if (node.type === 'text') return <Fragment key={i}>{node.text}</Fragment>;
    const external = /^https?:/.test(node.href);
    return (
      <a key={i} href={node.href} {...(external ? { rel: 'noopener noreferrer nofollow', target: '_blank' } : {})}>
        {node.text}
      </a>
    );
  });
}

export function MarkupView({ source, className = 'prose-plain' }: { source: string; className?: string }) {
  return (
    <div className={className}>
      {parseMarkup(source).map((block, i) => {
        if (block.type === 'paragraph')
          return (
            <p key={i}>
              <InlineNodes nodes={block.children} />
            </p>
          );
        const List = block.ordered ? 'ol' : 'ul';
        return (
          <List
            key={i}
            className={block.ordered ? 'mb-3 list-decimal space-y-1 pl-6' : 'mb-3 list-disc space-y-1 pl-6'}
          >
            {block.items.map((item, j) => (
              <li key={j}>
                <InlineNodes nodes={item} />
              </li>
            ))}
          </List>
        );
      })}
    </div>
  );
}
