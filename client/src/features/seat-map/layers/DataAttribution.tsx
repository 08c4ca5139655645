import { useEffect } from 'react';
import { useMap } from 'react-leaflet';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Adds the lines the data licences require to the map's attribution control (as text, never HTML). */
export function DataAttribution({ lines }: { lines: readonly string[] }) {
  const map = useMap();
  useEffect(() => {
    const control = map.attributionControl;
    if (!control) return undefined;
    const escaped = lines.map(escapeHtml);
    for (const line of escaped) control.addAttribution(line);
    return () => {
      for (const line of escaped) control.removeAttribution(line);
    };
  }, [map, lines]);
  return null;
}
