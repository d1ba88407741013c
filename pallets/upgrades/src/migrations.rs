//! Storage migrations of pallet-upgrades.
//!
//! ## v0 -> v1: readiness per code
//!
//! v0 counted an authority as ready for an upgrade when the node version it had signalled
//! (`SignalOf`) was at least the upgrade's `min_node_version`, and kept the highest such version
//! of the installed upgrades (`RequiredNodeVersion`), which stopped older nodes from authoring.
//! v1 counts an authority as ready when its node signalled that it can run the upgrade's code
//! ([`crate::ReadinessOf`]). [`MigrateToV1`], in one block:
//!
//! - rewrites each pending upgrade without its `min_node_version`, keeping its readiness share
//!   and deadline, and with the v1 default on top (more than two thirds of the authorities
//!   ready, what GRANDPA needs): a v0 vote never chose to go below finality. Nodes then signal
//!   for its code;
//! - rewrites the history without `min_node_version`;
//! - removes `RequiredNodeVersion` and every v0 signal (at most one per authority that ever
//!   signalled; the runtime's try-runtime test counts them).

use super::*;
use frame_support::{storage_alias, traits::UncheckedOnRuntimeUpgrade};

/// The v0 layout, kept for the migration. (`storage_alias` generates undocumented prefix types.)
#[allow(missing_docs)]
pub mod v0 {
	use super::*;

	/// A node software version, compared as `(major, minor, patch)`.
	#[derive(
		Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug, Default,
	)]
	pub struct NodeVersion {
		/// Major version.
		pub major: u16,
		/// Minor version.
		pub minor: u16,
		/// Patch version.
		pub patch: u16,
	}

	/// v0's pending upgrade.
	#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
	pub struct PendingUpgrade<Hash, BlockNumber> {
		/// The code hash.
		pub code_hash: Hash,
		/// The code length.
		pub code_len: u32,
		/// The activation block.
		pub activate_at: BlockNumber,
		/// The announced `spec_version`.
		pub spec_version: u32,
		/// The least node version.
		pub min_node_version: NodeVersion,
		/// The share of authorities that had to signal `min_node_version` or newer.
		pub required_readiness: Perbill,
		/// The readiness deadline.
		pub readiness_deadline: BlockNumber,
	}

	/// v0's installed upgrade.
	#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
	pub struct ActivatedUpgrade<Hash, BlockNumber> {
		/// The code hash.
		pub code_hash: Hash,
		/// Its `spec_version`.
		pub spec_version: u32,
		/// The least node version.
		pub min_node_version: NodeVersion,
		/// The block that installed it.
		pub activated_at: BlockNumber,
	}

	/// v0's pending upgrades.
	#[storage_alias]
	pub type PendingUpgrades<T: Config> = StorageValue<
		Pallet<T>,
		BoundedVec<
			PendingUpgrade<<T as frame_system::Config>::Hash, BlockNumberFor<T>>,
			<T as Config>::MaxPending,
		>,
	>;

	/// v0's history.
	#[storage_alias]
	pub type ActivatedUpgrades<T: Config> = StorageValue<
		Pallet<T>,
		BoundedVec<
			ActivatedUpgrade<<T as frame_system::Config>::Hash, BlockNumberFor<T>>,
			<T as Config>::MaxActivated,
		>,
	>;

	/// v0's signals: the node version each authority last signalled.
	#[storage_alias]
	pub type SignalOf<T: Config> =
		StorageMap<Pallet<T>, Twox64Concat, <T as Config>::AuthorityId, NodeVersion>;

	/// v0's least node version of the running runtime.
	#[storage_alias]
	pub type RequiredNodeVersion<T: Config> = StorageValue<Pallet<T>, NodeVersion>;
}

/// The v0 -> v1 migration without its version check (see the module docs).
pub struct UncheckedMigrateToV1<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateToV1<T> {
	fn on_runtime_upgrade() -> Weight {
		let pending = v0::PendingUpgrades::<T>::take().unwrap_or_default();
		let upgrades = pending.len() as u64;
		let translated = pending.into_iter().map(|u| PendingUpgrade {
			code_hash: u.code_hash,
			code_len: u.code_len,
			activate_at: u.activate_at,
			spec_version: u.spec_version,
			required_readiness: u.required_readiness,
			allow_below_finality: false,
			readiness_deadline: u.readiness_deadline,
		});
		PendingUpgrades::<T>::put(BoundedVec::truncate_from(translated.collect()));
		let history = v0::ActivatedUpgrades::<T>::take().unwrap_or_default();
		let translated = history.into_iter().map(|u| ActivatedUpgrade {
			code_hash: u.code_hash,
			spec_version: u.spec_version,
			activated_at: u.activated_at,
		});
		ActivatedUpgrades::<T>::put(BoundedVec::truncate_from(translated.collect()));
		v0::RequiredNodeVersion::<T>::kill();
		let signals = v0::SignalOf::<T>::drain().count() as u64;
		log::info!(
			target: LOG_TARGET,
			"migrated to v1: {upgrades} pending upgrade(s), {signals} v0 signal(s) removed"
		);
		T::DbWeight::get().reads_writes(3u64.saturating_add(signals), 3u64.saturating_add(signals))
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		let pending = v0::PendingUpgrades::<T>::get().unwrap_or_default();
		let summary: Vec<_> = pending.iter().map(|u| (u.code_hash, u.activate_at)).collect();
		let history = v0::ActivatedUpgrades::<T>::get().unwrap_or_default().len() as u32;
		log::info!(
			target: LOG_TARGET,
			"pre-upgrade: {} pending upgrade(s), {history} installed, {} v0 signal(s)",
			summary.len(),
			v0::SignalOf::<T>::iter_keys().count()
		);
		Ok((summary, history).encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let (summary, history) =
			<(Vec<(T::Hash, BlockNumberFor<T>)>, u32)>::decode(&mut &state[..])
				.map_err(|_| "the pre-upgrade state does not decode")?;
		let pending: Vec<_> =
			PendingUpgrades::<T>::get().iter().map(|u| (u.code_hash, u.activate_at)).collect();
		ensure!(pending == summary, "pending upgrades changed");
		ensure!(ActivatedUpgrades::<T>::get().len() as u32 == history, "history changed");
		ensure!(!v0::RequiredNodeVersion::<T>::exists(), "RequiredNodeVersion left");
		ensure!(v0::SignalOf::<T>::iter_keys().next().is_none(), "v0 signals left");
		Ok(())
	}
}

/// The v0 -> v1 migration, run only on storage version 0 (then set to 1).
pub type MigrateToV1<T> = frame_support::migrations::VersionedMigration<
	0,
	1,
	UncheckedMigrateToV1<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

#[cfg(test)]
mod tests {
	use super::*;
	use crate::mock::*;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade};
	use sp_runtime::testing::UintAuthorityId;

	fn v0_upgrade(at: u64) -> v0::PendingUpgrade<sp_core::H256, u64> {
		v0::PendingUpgrade {
			code_hash: sp_core::H256::repeat_byte(at as u8),
			code_len: 200,
			activate_at: at,
			spec_version: 101,
			min_node_version: v0::NodeVersion { major: 1, minor: 2, patch: 0 },
			required_readiness: Perbill::from_percent(50),
			readiness_deadline: at + 5,
		}
	}

	#[test]
	fn migrate_to_v1_works() {
		new_test_ext().execute_with(|| {
			StorageVersion::new(0).put::<Upgrades>();
			v0::PendingUpgrades::<Test>::put(BoundedVec::truncate_from(vec![
				v0_upgrade(10),
				v0_upgrade(12),
			]));
			v0::ActivatedUpgrades::<Test>::put(BoundedVec::truncate_from(vec![
				v0::ActivatedUpgrade {
					code_hash: sp_core::H256::repeat_byte(1),
					spec_version: 100,
					min_node_version: v0::NodeVersion { major: 2, minor: 0, patch: 0 },
					activated_at: 3,
				},
			]));
			v0::RequiredNodeVersion::<Test>::put(v0::NodeVersion { major: 2, minor: 0, patch: 0 });
			for a in 1..=3u64 {
				v0::SignalOf::<Test>::insert(UintAuthorityId(a), v0::NodeVersion::default());
			}

			MigrateToV1::<Test>::on_runtime_upgrade();

			assert_eq!(Upgrades::on_chain_storage_version(), StorageVersion::new(1));
			let pending = PendingUpgrades::<Test>::get();
			assert_eq!(pending.len(), 2);
			assert_eq!(
				pending[0],
				PendingUpgrade {
					code_hash: sp_core::H256::repeat_byte(10),
					code_len: 200,
					activate_at: 10,
					spec_version: 101,
					required_readiness: Perbill::from_percent(50),
					allow_below_finality: false,
					readiness_deadline: 15,
				}
			);
			assert_eq!(
				ActivatedUpgrades::<Test>::get().into_inner(),
				vec![ActivatedUpgrade {
					code_hash: sp_core::H256::repeat_byte(1),
					spec_version: 100,
					activated_at: 3
				}]
			);
			assert!(!v0::RequiredNodeVersion::<Test>::exists());
			assert_eq!(v0::SignalOf::<Test>::iter_keys().count(), 0);
		});
	}

	#[test]
	fn migrate_to_v1_runs_once_works() {
		new_test_ext().execute_with(|| {
			// Genesis is at v1 already: the migration changes nothing.
			assert_eq!(Upgrades::on_chain_storage_version(), StorageVersion::new(1));
			v0::RequiredNodeVersion::<Test>::put(v0::NodeVersion { major: 2, minor: 0, patch: 0 });
			MigrateToV1::<Test>::on_runtime_upgrade();
			assert!(v0::RequiredNodeVersion::<Test>::exists());
			// An empty v0 chain migrates to empty v1 storage.
			v0::RequiredNodeVersion::<Test>::kill();
			StorageVersion::new(0).put::<Upgrades>();
			MigrateToV1::<Test>::on_runtime_upgrade();
			assert!(PendingUpgrades::<Test>::get().is_empty());
			assert!(ActivatedUpgrades::<Test>::get().is_empty());
			assert_eq!(Upgrades::on_chain_storage_version(), StorageVersion::new(1));
		});
	}
}
