// Being built (issue 8).
export default function PilotPage() {
  return <p className="state">Pilots are being built.</p>;
}
