// Being built (issue 8).
export default function NewPilotPage() {
  return <p className="state">Pilots are being built.</p>;
}
