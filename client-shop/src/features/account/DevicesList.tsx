/** My devices: where this account is signed in, and signing another device out (it reaches the server when online). */
import type { DeviceView } from './devices.logic';

export function DevicesList({ devices, onSignOutDevice }: { devices: readonly DeviceView[]; onSignOutDevice: (sessionId: string) => void }) {
  return (
    <section aria-labelledby="devices-title">
      <h3 id="devices-title">Devices signed in</h3>
      {devices.length === 0 ? <p className="empty">The list arrives with your next sync.</p> : null}
      <ul className="lines" data-testid="devices">
        {devices.map((device) => (
          <li key={device.id} className="line" data-session-id={device.id}>
            <span>
              <strong>{device.name}</strong>
              {device.current ? ' (this device)' : null}
              <br />
              <small>{device.current ? 'In use now' : `Last active ${device.lastUsed}`}</small>
            </span>
            {/* Two devices can share a name ("Chrome on Android"): the label says which one. */}
            {!device.current ? (
              <button type="button" onClick={() => onSignOutDevice(device.id)} aria-label={`Sign out ${device.name}, last active ${device.lastUsed}`}>Sign out</button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
